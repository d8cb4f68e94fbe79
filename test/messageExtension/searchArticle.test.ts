/**
 * "Search the article" through /api/messages of the real app, as Teams sends the invokes: in each of the four
 * languages a question gets at most five results whose first inserts the very card the bot answers the same
 * question with in a chat, less its chat-only buttons (no Action.Submit, no "Was this helpful?"), links kept,
 * each result under 28 KB; the query's language wins over the Teams locale, which decides for a query too short
 * to tell; an empty query lists the popular topics; a question the article does not answer gets one result that
 * says so; the same query gets the same results; and nothing is ever posted to the conversation.
 */
import { describe, expect, it } from 'vitest';
import { articleUrl } from '../../cards/views/articleText';
import { HELP_SUGGESTIONS } from '../../cards/views/welcomeView';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { MAX_RESULT_BYTES, MAX_RESULTS, MESSAGE_EXTENSION_COMMANDS } from '../../src/messageExtension/commands';
import { messageActivity } from '../http/messageActivity';
import { post } from '../http/messageActivity';
import { appWithTeamsConnector } from '../support/appWithTeamsConnector';
import { invoke, queryInvoke, stringsOf, typedNodes, type ExtensionAttachment } from './teamsInvokes';

const app = appWithTeamsConnector({ env: { RATE_LIMIT: 'off' } });
const { connector } = app;

const search = (text: string | undefined, locale: string, extra: Partial<Parameters<typeof queryInvoke>[0]> = {}) =>
  invoke(
    app.url,
    queryInvoke({
      serviceUrl: connector.serviceUrl,
      commandId: MESSAGE_EXTENSION_COMMANDS.searchArticle,
      text,
      locale,
      ...extra,
    }),
  );

/** How long the activation takes: a question of the article's own sentences (asked by partners in every language). */
const ACTIVATION_TIME: Record<Lang, string> = {
  en: 'How long does the activation of the benefits take?',
  ru: 'Сколько времени занимает активация преимуществ?',
  pt: 'Quanto tempo leva a ativação dos benefícios?',
  fr: 'Combien de temps prend l’activation des avantages ?',
};

/** Nothing the article speaks of. */
const UNRELATED: Record<Lang, string> = {
  en: 'What will the weather be like in Paris tomorrow?',
  ru: 'Какая погода будет завтра в Париже?',
  pt: 'Como vai estar o tempo em Paris amanhã?',
  fr: 'Quel temps fera-t-il demain à Paris ?',
};

/** What a card says and links: its texts, titles and URLs. */
function said(card: unknown): string[] {
  return typedNodes(card)
    .filter(
      (node) =>
        node.type === 'TextBlock' ||
        node.type === 'Action.OpenUrl' ||
        node.type === 'Action.ShowCard' ||
        node.type === 'Fact',
    )
    .flatMap((node) =>
      [node.text, node.title, node.url, node.value].filter((value): value is string => typeof value === 'string'),
    );
}

function facts(card: unknown): string[] {
  return typedNodes(card)
    .filter((node) => node.type === 'FactSet')
    .flatMap((node) =>
      ((node.facts as { title: string; value: string }[]) ?? []).flatMap((fact) => [fact.title, fact.value]),
    );
}

/** The card the bot answers `text` with in a new personal chat. */
async function chatAnswer(text: string, locale: string): Promise<Record<string, unknown>> {
  const conversation = `a:chat-compare-${Math.random().toString(36).slice(2)}`;
  const response = await post(
    app.url,
    messageActivity(connector.serviceUrl, text, {
      locale,
      conversation: { id: conversation, conversationType: 'personal' },
      from: { id: `29:${conversation}`, name: 'Partner' },
    }),
  );
  expect(response.status).toBe(200);
  const [reply] = await connector.waitForPosts(conversation, 1);
  const card = reply?.activity.attachments?.[0]?.content;
  expect(card).toBeDefined();
  return card as Record<string, unknown>;
}

function expectInsertable(attachment: ExtensionAttachment, lang: Lang): void {
  expect(Buffer.byteLength(JSON.stringify(attachment), 'utf8')).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(attachment.content.lang).toBe(lang);
  expect(attachment.preview?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
  expect(attachment.preview?.content.title.trim()).not.toBe('');
  expect(attachment.preview?.content.text.trim()).not.toBe('');
  expect(typedNodes(attachment.content).filter((node) => node.type === 'Action.Submit')).toEqual([]);
  expect(stringsOf(attachment.content)).not.toContain(t(lang, 'card.helpful.question'));
  // Its citation still links the article's section in the card's language.
  expect(
    stringsOf(attachment.content).some((text) =>
      text.includes(
        `https://learn.microsoft.com/${LOCALE_OF[lang].toLowerCase()}/partner-center/technical-support-benefits#`,
      ),
    ),
  ).toBe(true);
}

describe.each(LANGS)('Search the article in %s', (lang) => {
  const locale = LOCALE_OF[lang];
  const questions = [
    t(lang, 'topic.remaining_incidents.example'),
    t(lang, 'topic.entitlement.example'),
    t(lang, 'topic.paid_support_plans.example'),
    ACTIVATION_TIME[lang],
  ];

  it.each(questions)(
    '"%s": results whose first inserts the bot\'s own answer card without its chat-only buttons',
    async (question) => {
      const sent = connector.requests.length;
      const answer = await search(question, locale);
      expect(answer.status).toBe(200);
      expect(answer.body?.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
      expect(connector.requests.length).toBe(sent);
      expect(answer.attachments.length).toBeGreaterThanOrEqual(1);
      expect(answer.attachments.length).toBeLessThanOrEqual(MAX_RESULTS);
      for (const attachment of answer.attachments) expectInsertable(attachment, lang);

      const [first] = answer.attachments;
      const chat = await chatAnswer(question, locale);
      const chatSaid = said(chat).filter((text) => text !== t(lang, 'card.helpful.question'));
      expect(said(first?.content)).toEqual(chatSaid);
      expect(facts(first?.content)).toEqual(facts(chat));
    },
  );

  it('answers in the language of the query, whatever the Teams locale', async () => {
    const otherLocale = LOCALE_OF[lang === 'en' ? 'fr' : 'en'];
    const answer = await search(ACTIVATION_TIME[lang], otherLocale);
    expect(answer.attachments[0]?.content.lang).toBe(lang);
  });

  it('lists the popular topics, titled in the Teams locale, when the command opens or the box is emptied', async () => {
    const titles = HELP_SUGGESTIONS.map((topic) => t(lang, `topic.${topic}.title`));
    for (const text of [undefined, '', '   ']) {
      const answer = await search(text, locale);
      expect(answer.status).toBe(200);
      expect(answer.attachments).toHaveLength(MAX_RESULTS);
      for (const attachment of answer.attachments) {
        expectInsertable(attachment, lang);
        expect(titles).toContain(attachment.preview?.content.title);
      }
    }
  });

  it('says in one result that the article does not answer an unrelated question, quoting none of it, linking the article', async () => {
    const answer = await search(UNRELATED[lang], locale);
    expect(answer.status).toBe(200);
    expect(answer.attachments).toHaveLength(1);
    const [notice] = answer.attachments;
    const title = t(lang, 'messageExtension.no_answer.title');
    expect(notice?.preview?.content.title).toBe(title);
    expect(notice?.content.lang).toBe(lang);
    const texts = typedNodes(notice?.content)
      .filter((node) => node.type === 'TextBlock')
      .map((node) => node.text);
    expect(texts).toEqual([title, expect.stringContaining(`(${articleUrl(lang)})`)]);
    expect(typedNodes(notice?.content).filter((node) => node.type === 'Action.Submit')).toEqual([]);
  });
});

describe('Search the article, across queries', () => {
  it('gives the same results for the same query (kept by language and text)', async () => {
    const first = await search(ACTIVATION_TIME.pt, 'pt-BR');
    const again = await search(`  ${ACTIVATION_TIME.pt}  `, 'pt-BR');
    expect(again.text).toBe(first.text);
  });

  it('reads a query too short to tell in the Teams locale', async () => {
    for (const lang of LANGS) {
      const answer = await search('Access ID', LOCALE_OF[lang]);
      expect(answer.status).toBe(200);
      expect(answer.attachments[0]?.content.lang, lang).toBe(lang);
    }
  });

  it('answers from the command box, and from a group chat the bot is not in, posting nothing there', async () => {
    const sent = connector.requests.length;
    const fromCommandBox = await search(ACTIVATION_TIME.ru, 'ru-RU', {
      origin: { kind: 'commandBox', user: 'cmd-user' },
    });
    const fromChat = await search(ACTIVATION_TIME.ru, 'ru-RU', {
      origin: { kind: 'groupChat', chat: '19:a-chat-without-the-bot@thread.v2' },
    });
    expect(fromCommandBox.attachments[0]?.content.lang).toBe('ru');
    expect(fromChat.text).toBe(fromCommandBox.text);
    expect(connector.requests.length).toBe(sent);
  });
});
