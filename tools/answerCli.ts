/** `npm run --silent answer`: JSON lines {"text", "locale"?} in, one answer (intent, card, text) per line out. */
import { mapJsonLines } from './jsonLines';
import { classifier } from '../src/nlu/classifier';
import { articleRetriever } from '../src/nlu/retrieval';
import { firstQuestionView } from '../cards/views/firstQuestionView';
import { toReply } from '../cards/reply';

void mapJsonLines(({ text, localeLang }) => {
  const classification = classifier().classify(text, { locale: localeLang });
  const { intent, lang, entities } = classification;
  const { card, text: plainText } = toReply(firstQuestionView(text, classification, entities, articleRetriever()));
  return { intent, lang, card, text: plainText };
});
