/** `npm run --silent classify`: JSON lines {"text", "locale"?} in, one classification per line out. */
import { mapJsonLines } from './jsonLines';
import { classifierOrExit } from './cliClassifier';

const nlu = classifierOrExit('classify');

void mapJsonLines(({ text, localeLang }) => {
  const { intent, confidence, lang, entities, alternatives } = nlu.classify(text, { locale: localeLang });
  return { intent, confidence, lang, entities, alternatives };
});
