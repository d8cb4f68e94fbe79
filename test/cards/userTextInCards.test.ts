/**
 * What a user typed is shown as plain text in every card that echoes it — the triage card (summary, excerpt,
 * the agents' names and note), the requester's ticket card, and the hand-off's summary and consent questions:
 * rendered by the official Adaptive Cards renderer with Web Chat's markdown settings (markdown-it, links
 * recognised in bare text, HTML on), no markdown link, autolink, bare URL or HTML becomes an <a>, emphasis and
 * lists stay as typed, and bidi controls (U+202E…) are gone, so the support team reads the text in the order it
 * was typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardView } from '../../cards/cardData';
import { renderView } from '../../cards/renderCard';
import { handoffConsentQuestion, handoffSummaryQuestion } from '../../cards/views/handoffQuestions';
import { cardToText } from '../../cards/cardToText';
import { ticketView } from '../../cards/views/ticketView';
import type { Ticket } from '../../src/tickets/ticket';
import { triageCardView } from '../../cards/views/triageCardView';
import { openAdaptiveCardsDom, type AdaptiveCardsDom } from './adaptiveCardsDom';

/** markdown-it as Web Chat configures it for Adaptive Cards (botframework-webchat src/markdown/renderMarkdown.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- markdown-it 13 ships no types
const markdownIt = require('markdown-it') as (options: object) => { render(markdown: string): string };
const WEB_CHAT_MARKDOWN = markdownIt({ breaks: false, html: true, linkify: true, typographer: false, xhtmlOut: true });

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** What a user might type to put a link, a format or a reordering in front of the support team. */
const HOSTILE: readonly { name: string; typed: string; shown: string }[] = [
  {
    name: 'a markdown link',
    typed: 'Please [verify here](https://phish.example/login) first',
    shown: 'Please [verify here](https://phish.example/login) first',
  },
  { name: 'an autolink', typed: 'see <https://phish.example/login>', shown: 'see <https://phish.example/login>' },
  {
    name: 'a bare URL',
    typed: 'go to https://phish.example/login now',
    shown: 'go to https://phish.example/login now',
  },
  {
    name: 'a bare domain',
    typed: 'log in at www.phish.example or phish.com',
    shown: 'log in at www.phish.example or phish.com',
  },
  {
    name: 'an HTML link',
    typed: 'click <a href="https://phish.example">here</a>',
    shown: 'click <a href="https://phish.example">here</a>',
  },
  { name: 'an image', typed: '![logo](https://phish.example/x.png)', shown: '![logo](https://phish.example/x.png)' },
  { name: 'emphasis and code', typed: '**urgent** _now_ `code` ~~no~~', shown: '**urgent** _now_ `code` ~~no~~' },
  { name: 'a list and a heading', typed: '- one\n# Two\n1. three', shown: '- one' },
  { name: 'an entity for a bidi override', typed: 'fee &#x202E;gnp.exe', shown: 'fee &#x202E;gnp.exe' },
  {
    name: 'a bidi override',
    typed: 'invoice \u202Egnp.exe\u202C and \u2067isolate\u2069',
    shown: 'invoice gnp.exe and isolate',
  },
];

function ticketOf(typed: string): Ticket {
  return {
    number: 'MPN-000042',
    createdAt: '2026-12-04T10:00:00.000Z',
    updatedAt: '2026-12-04T11:00:00.000Z',
    status: 'resolved',
    lang: 'en',
    summary: typed,
    intents: [{ intent: 'activate_benefits', confidence: 0.9 }],
    facts: { membership: 'gold' },
    excerpt: [
      { from: 'user', text: typed, at: '2026-12-04T10:00:00.000Z' },
      { from: 'bot', text: typed, at: '2026-12-04T10:00:01.000Z' },
    ],
    assignee: { id: '29:agent', name: typed },
    resolution: { note: typed, by: { id: '29:agent', name: typed }, at: '2026-12-04T11:00:00.000Z' },
    sourceActivityId: 'activity-1',
    version: 3,
  };
}

/** Every card that shows what a user (or an agent) typed. */
const VIEWS: readonly [string, (typed: string) => CardView][] = [
  ['the triage card', (typed) => triageCardView(ticketOf(typed), 'en')],
  [
    "the requester's ticket card",
    (typed) =>
      ticketView(
        {
          number: 'MPN-000042',
          status: 'new',
          createdAt: new Date('2026-12-04T10:00:00.000Z'),
          summary: typed,
          facts: {},
        },
        'en',
      ),
  ],
  ['the hand-off summary question', (typed) => handoffSummaryQuestion('en', typed)],
  ['the hand-off consent question', (typed) => handoffConsentQuestion('en', typed, { membership: 'gold' })],
];

let dom: AdaptiveCardsDom;

beforeAll(async () => {
  dom = await openAdaptiveCardsDom();
  dom.AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = WEB_CHAT_MARKDOWN.render(text);
    result.didProcess = true;
  };
});

afterAll(async () => {
  await dom?.close();
});

type RenderedCard = NonNullable<ReturnType<InstanceType<AdaptiveCardsDom['AC']['AdaptiveCard']>['render']>>;

/** What markdown makes of text: elements a card of plain words has only where its own template puts them. */
const FORMATS = 'img, strong, em, code, del, s, li, h1, h2, h3, blockquote, table';

/** The card as the official renderer draws it: its element. */
function rendered(view: CardView): RenderedCard {
  const card = new dom.AC.AdaptiveCard();
  card.parse(renderView(view));
  const element = card.render();
  if (!element) throw new Error('the card did not render');
  return element;
}

describe.each(VIEWS)('%s', (_name, viewOf) => {
  it.each(HOSTILE)('shows $name as plain text: no link, no bidi control', ({ typed, shown }) => {
    const element = rendered(viewOf(typed));
    const links = [...element.querySelectorAll('a')].map((a) => a.outerHTML);
    expect(links).toEqual([]);
    expect(element.querySelectorAll(FORMATS).length).toBe(
      rendered(viewOf('plain words')).querySelectorAll(FORMATS).length,
    );
    const text = element.textContent ?? '';
    expect(text).toContain(shown);
    expect(BIDI.test(text)).toBe(false);
  });

  it('says the same in its plain-text face (transcripts, channels without cards)', () => {
    const { typed, shown } = HOSTILE[0] as (typeof HOSTILE)[number];
    expect(cardToText(renderView(viewOf(typed)))).toContain(shown);
  });
});
