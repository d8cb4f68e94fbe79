/**
 * The answer to a question no topic names but the article answers: an honest lead-in ("The article says:")
 * and the retrieved sentences, quoted, cited and linked.
 */
import type { CardView } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import type { RetrievedSegment } from '../../src/nlu/retrieval';
import { sourceLink } from './articleText';
import { feedbackFor, handoffButton } from './buttons';
import { quotedSentences } from './quotedSentences';

export function articleAnswerView(retrieved: readonly RetrievedSegment[], lang: Lang): CardView {
  const first = retrieved[0];
  if (!first) throw new Error('an article answer needs at least one retrieved segment');
  return {
    kind: 'answer',
    data: {
      lang,
      title: t(lang, 'card.article_says'),
      quoted: quotedSentences(retrieved, lang),
      lead: '',
      blocks: [],
      foldTitle: '',
      facts: [],
      source: sourceLink(first.segment, lang),
      links: [],
      followUps: [handoffButton(lang)],
      feedback: feedbackFor('out_of_scope', lang),
    },
  };
}
