/** `npm run --silent classify`: JSON lines {"text", "locale"?} in, one classification per line out. */
import { mapJsonLines } from '../cli/jsonLines';
import { classifier } from './classifier';

void mapJsonLines(({ text, localeLang }) => {
  const { intent, confidence, lang, entities, alternatives } = classifier().classify(text, { locale: localeLang });
  return { intent, confidence, lang, entities, alternatives };
});
