/** `npm run --silent classify`: JSON lines {"text", "locale"?} in, one classification per line out. */
import { mapJsonLines } from './jsonLines';
import { classifier } from '../src/nlu/classifier';

void mapJsonLines(({ text, localeLang }) => {
  const { intent, confidence, lang, entities, alternatives } = classifier().classify(text, { locale: localeLang });
  return { intent, confidence, lang, entities, alternatives };
});
