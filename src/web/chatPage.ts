/**
 * GET / (the demo page: a heading and Web Chat open and ready) and GET /chat (Web Chat alone, the page /embed.js
 * opens in its frame). Both run browser/chat.js, which gets a Direct Line token from this server and picks the
 * language: the page's `locale`, else the browser's.
 */
import { escapeUTF8 } from 'entities';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCALE_OF, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { chatOptionsOf, DEFAULT_ACCENT, type ChatOptions } from './chatOptions';
import { scriptJson, sendPage } from './html';
import { readableOn } from './readableColour';
import { pageLanguage, queryOf } from './pageLanguage';
import { pageStrings, type PageStrings } from './pageStrings';
import { createNonce, type FramePolicy } from './securityHeaders';
import type { WebAssets } from './webAssets';

/** Where the page gets its Direct Line token and where the Direct Line service is (same origin). */
export const TOKEN_PATH = '/api/webchat/token';
export const DIRECT_LINE_PATH = '/v3/directline';

const CHAT_STRINGS = ['web.page.title', 'web.page.intro', 'web.chat.unavailable'] as const;

type ChatPageKind = 'demo' | 'embedded';

const FRAME: Readonly<Record<ChatPageKind, FramePolicy>> = { demo: 'none', embedded: 'any' };

/** What browser/chat.js reads from the page. */
export interface ChatPageData extends ChatOptions {
  kind: ChatPageKind;
  accent: string;
  /** Black or white, whichever reads better on the accent colour. */
  accentText: string;
  locales: Readonly<Record<Lang, string>>;
  strings: PageStrings;
  tokenUrl: string;
  directLinePath: string;
}

function chatPageHtml(data: ChatPageData, lang: Lang, assets: WebAssets, nonce: string): string {
  const text = (key: (typeof CHAT_STRINGS)[number]) => escapeUTF8(t(lang, key));
  const title = data.title ? escapeUTF8(data.title) : text('web.page.title');
  const header =
    data.kind === 'demo'
      ? `<header class="page-header">
    <img class="page-header__icon" src="${assets.icon.path}" alt="" width="40" height="40">
    <div><h1 id="page-title" data-text="web.page.title">${text('web.page.title')}</h1><p class="page-header__intro" data-text="web.page.intro">${text('web.page.intro')}</p></div>
  </header>`
      : '';
  return `<!DOCTYPE html>
<html lang="${LOCALE_OF[lang]}" class="chat-page chat-page--${data.kind}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title${data.title ? '' : ' data-text="web.page.title"'}>${title}</title>
  <link rel="icon" type="image/png" href="${assets.icon.path}">
  <link rel="stylesheet" href="${assets.chatStyle.path}">
</head>
<body>
<div class="layout">
  ${header}
  <main id="webchat" class="webchat" aria-busy="true"></main>
  <p id="chat-problem" class="problem" role="alert" hidden data-text="web.chat.unavailable">${text('web.chat.unavailable')}</p>
</div>
<script type="application/json" id="page-data">${scriptJson(data)}</script>
<script src="${assets.webChat.path}"></script>
<script src="${assets.pageLanguageScript.path}" nonce="${nonce}"></script>
<script src="${assets.chatScript.path}" nonce="${nonce}"></script>
</body>
</html>
`;
}

function chatPage(kind: ChatPageKind, assets: WebAssets) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const query = queryOf(req);
    const options = chatOptionsOf(query);
    // The demo page keeps only the language from its query; the chat page takes every option.
    const chosen: ChatOptions = kind === 'demo' ? (options.locale ? { locale: options.locale } : {}) : options;
    const accent = chosen.accent ?? DEFAULT_ACCENT;
    const data: ChatPageData = {
      kind,
      ...chosen,
      accent,
      accentText: readableOn(accent),
      locales: LOCALE_OF,
      strings: pageStrings(CHAT_STRINGS),
      tokenUrl: TOKEN_PATH,
      directLinePath: DIRECT_LINE_PATH,
    };
    const nonce = createNonce();
    sendPage(res, chatPageHtml(data, pageLanguage(query, req), assets, nonce), { frame: FRAME[kind] }, nonce);
  };
}

/** GET /: the demo page. */
export function demoPage(assets: WebAssets) {
  return chatPage('demo', assets);
}

/** GET /chat: the chat alone, for the embed script's frame. */
export function embeddedChatPage(assets: WebAssets) {
  return chatPage('embedded', assets);
}
