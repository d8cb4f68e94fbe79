/**
 * "Search the article": a question typed in the message extension's search box, in any of the four languages
 * (the user's Teams locale a prior), → up to five answer cards, best first, each previewed by its section's
 * title and the sentences that answer. An empty query lists the popular topics; a query the article does not
 * answer gets one result that says so. The same query gets the same results: they are kept by language and
 * text (a bounded number of them).
 */
import { articleUrl } from '../../cards/views/articleText';
import { HELP_SUGGESTIONS } from '../../cards/views/welcomeView';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { Classifier } from '../nlu/classifier';
import { normalizeText } from '../nlu/normalize';
import type { Retriever } from '../nlu/retrieval';
import { queryAnswerItems, topicAnswerItems, type AnswerViewItem } from './answerViews';
import { BoundedCache } from '../boundedCache';
import { MAX_RESULTS } from './commands';
import { noticeResult, previewText, resultOf, type ExtensionResult } from './extensionResult';

/** How many distinct queries' results are kept. */
const QUERIES_KEPT = 500;

export class ArticleSearch {
  private readonly kept = new BoundedCache<string, readonly ExtensionResult[]>(QUERIES_KEPT);

  constructor(
    private readonly classifier: Classifier,
    private readonly retriever: Retriever,
  ) {}

  /**
   * @param query the search box's text, at most MAX_QUERY_LENGTH characters (longer ones are refused before)
   * @param localeLang the language of the user's Teams locale, when it is one of ours
   * @example search.search('combien d’incidents pour Gold ?', 'fr')[0].preview.title // 'Droits au support technique…'
   */
  search(query: string, localeLang: Lang | undefined): readonly ExtensionResult[] {
    const text = normalizeText(query);
    const key = `${localeLang ?? ''}\u0000${text}`;
    const kept = this.kept.get(key);
    if (kept) return kept;
    const results = this.compute(query.trim(), text, localeLang ?? 'en');
    this.kept.set(key, results);
    return results;
  }

  private compute(query: string, text: string, localeLang: Lang): readonly ExtensionResult[] {
    if (!text) return popularTopics(localeLang);
    const classification = this.classifier.classify(query, { locale: localeLang });
    const { intent, lang } = classification;
    if (intent === 'greeting' || intent === 'help') return popularTopics(lang);
    const results = toResults(queryAnswerItems(query, classification, this.retriever));
    return results.length ? results : [notAnswered(lang)];
  }
}

/** The topics partners ask about most, each as its answer card. */
export function popularTopics(lang: Lang): readonly ExtensionResult[] {
  const items = HELP_SUGGESTIONS.flatMap((topic) =>
    topicAnswerItems(topic, {}, lang).map((item) => ({
      ...item,
      title: t(lang, `topic.${topic}.title`),
      text: t(lang, `topic.${topic}.example`),
    })),
  );
  return toResults(items);
}

function toResults(items: readonly AnswerViewItem[]): ExtensionResult[] {
  return items
    .map(({ view, title, subtitle, text }) =>
      resultOf(view, { title, ...(subtitle ? { subtitle } : {}), text: previewText(text) }),
    )
    .filter((result): result is ExtensionResult => result !== undefined)
    .slice(0, MAX_RESULTS);
}

function notAnswered(lang: Lang): ExtensionResult {
  const title = knowledgeBase().meta.title[lang];
  return noticeResult(
    lang,
    t(lang, 'messageExtension.no_answer.title'),
    t(lang, 'messageExtension.no_answer.text', { title }),
    {
      title: t(lang, 'messageExtension.open_article'),
      url: articleUrl(lang),
    },
  );
}
