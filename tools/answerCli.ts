/** `npm run --silent answer`: JSON lines {"text", "locale"?} in, one answer (intent, card, text) per line out. */
import { mapJsonLines } from './jsonLines';
import { classifierOrExit } from './cliClassifier';
import { articleRetriever } from '../src/nlu/retrieval';
import { firstQuestionView } from '../cards/views/firstQuestionView';
import { toReply } from '../cards/reply';

const nlu = classifierOrExit('answer');

void mapJsonLines(({ text, localeLang }) => {
  const classification = nlu.classify(text, { locale: localeLang });
  const { intent, lang, entities } = classification;
  const { card, text: plainText } = toReply(firstQuestionView(text, classification, entities, articleRetriever()));
  return { intent, lang, card, text: plainText };
});
