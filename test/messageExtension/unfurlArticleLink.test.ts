/**
 * A link to the article pasted into the compose box (`composeExtension/queryLink`, as Teams sends it), through
 * /api/messages of the real app: in any locale, with or without a #section anchor (and with the variations a
 * pasted link has: case, a trailing slash, a query string), it unfurls into the card of that section in the
 * link's language, the article's own sentences, linked to that section; a link without one of our locales reads
 * in the Teams locale; any other page, host or text gets an empty result.
 */
import { describe, expect, it } from 'vitest';
import { quote, sectionHeading } from '../../cards/views/articleText';
import { LANGS, LOCALE_OF } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { MAX_RESULT_BYTES } from '../../src/messageExtension/commands';
import { appWithTeamsConnector } from '../support/appWithTeamsConnector';
import { invoke, queryLinkInvoke, stringsOf, typedNodes } from './teamsInvokes';

const app = appWithTeamsConnector({ env: { RATE_LIMIT: 'off' } });
const { connector } = app;

const kb = knowledgeBase();
const ARTICLE = 'https://learn.microsoft.com/{locale}/partner-center/technical-support-benefits';
const linkTo = (locale: string, anchor?: string) =>
  `${ARTICLE.replace('{locale}', locale)}${anchor ? `#${anchor}` : ''}`;
const unfurl = (url: unknown, locale = 'en-US') =>
  invoke(app.url, queryLinkInvoke(connector.serviceUrl, url, { locale }));

/** The section whose sentences are the entitlement table's cells: its card is the table. */
const TABLE_SECTION = kb.segments[kb.table[1]?.[1]?.[0] ?? -1]?.anchor;

describe.each(LANGS)('a link to the article in %s', (lang) => {
  const locale = LOCALE_OF[lang].toLowerCase();

  it.each(kb.sections.map((section) => section.anchor))(
    `#%s unfurls into that section's card in ${lang}`,
    async (anchor) => {
      const section = kb.sections.find((each) => each.anchor === anchor)!;
      const sent = connector.requests.length;
      const answer = await unfurl(linkTo(locale, anchor), 'en-US');
      expect(answer.status).toBe(200);
      expect(answer.attachments).toHaveLength(1);
      const [card] = answer.attachments;
      const heading = sectionHeading(section.heading, lang);
      expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card?.content.lang).toBe(lang);
      expect(card?.preview?.content.title).toBe(heading);
      expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(MAX_RESULT_BYTES);
      expect(typedNodes(card?.content).filter((node) => node.type === 'Action.Submit')).toEqual([]);
      const text = stringsOf(card?.content).join('\n');
      expect(text).toContain(heading);
      expect(text).toContain(`${linkTo(locale)}#${anchor}`);
      if (anchor !== TABLE_SECTION) {
        for (const id of section.segments.slice(1)) expect(text, `segment ${id}`).toContain(quote(id, lang));
      }
      expect(connector.requests.length).toBe(sent);
    },
  );
});

describe('links to the article, as people paste them', () => {
  it('a link without an anchor unfurls into the first section', async () => {
    const answer = await unfurl(linkTo('fr-fr'));
    expect(answer.attachments[0]?.preview?.content.title).toBe(sectionHeading(kb.sections[0]!.heading, 'fr'));
  });

  it('reads the host and path in any case, with a trailing slash or a query string, and an unknown anchor as none', async () => {
    const canonical = await unfurl(linkTo('pt-br', 'partner-support-plans'));
    for (const url of [
      'HTTPS://Learn.Microsoft.com/PT-BR/partner-center/technical-support-benefits/#Partner-Support-Plans',
      'https://learn.microsoft.com/pt-br/partner-center/technical-support-benefits?view=partner#partner-support-plans',
    ]) {
      expect((await unfurl(url)).text, url).toBe(canonical.text);
    }
    expect((await unfurl(linkTo('pt-br', 'no-such-section'))).text).toBe((await unfurl(linkTo('pt-br'))).text);
  });

  it('a link without one of our locales unfurls in the Teams locale', async () => {
    const russian = await unfurl(linkTo('ru-ru', 'overview'));
    expect((await unfurl(linkTo('de-de', 'overview'), 'ru-RU')).text).toBe(russian.text);
    expect((await unfurl(ARTICLE.replace('{locale}/', '') + '#overview', 'ru-RU')).text).toBe(russian.text);
  });

  it.each([
    ['another page of the host', 'https://learn.microsoft.com/en-us/partner-center/partner-center-overview'],
    ['a page under the article', 'https://learn.microsoft.com/en-us/partner-center/technical-support-benefits/more'],
    ['another host with the same path', 'https://learn.example.com/en-us/partner-center/technical-support-benefits'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['text that is no URL', 'technical-support-benefits'],
    ['an empty URL', ''],
    ['a URL that is not a string', 42],
    ['no URL at all', undefined],
  ])('%s gets an empty result', async (_name, url) => {
    const answer = await unfurl(url);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
  });
});
