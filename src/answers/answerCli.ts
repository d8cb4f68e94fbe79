/** `npm run --silent answer`: JSON lines {"text", "locale"?} in, one answer (intent, card, text) per line out. */
import { mapJsonLines } from '../cli/jsonLines';
import { classifier } from '../nlu/classifier';
import { toReply } from './reply';
import { viewFor } from './viewFor';

void mapJsonLines(({ text, localeLang }) => {
  const { intent, lang, entities } = classifier().classify(text, { locale: localeLang });
  const { card, text: plainText } = toReply(viewFor(intent, entities, lang));
  return { intent, lang, card, text: plainText };
});
