/**
 * GET /tab: the Teams tab "Support benefits". An entitlement checker (membership and competency → the bot's
 * entitlement card, drawn by the Adaptive Cards renderer) and quick links to the portals, in the Teams theme and
 * language. browser/tab.js takes both from Teams (teams-js) and, outside Teams, from the query string
 * (`?locale=fr-FR&theme=dark`, as the manifest's contentUrl passes them) and then the browser.
 */
import { escapeUTF8 } from 'entities';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { portalUrl } from '../../cards/views/articleText';
import { LOCALE_OF, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { FACT_VALUES } from '../rules/facts';
import type { PortalId } from '../rules/portals';
import { ENTITLEMENT_CARD_PATH } from './entitlementCardEndpoint';
import { scriptJson, sendPage } from './html';
import { pageLanguage, queryOf } from './pageLanguage';
import { pageStrings, type PageStrings } from './pageStrings';
import { createNonce, TEAMS_JS_ORIGIN_LIST_HOST } from './securityHeaders';
import { cssVariables, hostConfig, isTeamsTheme, PALETTES, TEAMS_THEMES, type TeamsTheme } from './tabThemes';
import type { WebAssets } from './webAssets';

/** The portals of the quick links, in this order. */
export const QUICK_LINKS: readonly PortalId[] = ['partner_center_benefits', 'support_for_business', 'azure_support'];

const LABEL_KEYS = [
  'tab.title',
  'tab.intro',
  'tab.links',
  'tab.card_error',
  'topic.entitlement.title',
  'fact.membership.label',
  ...FACT_VALUES.membership.map((m) => `fact.membership.${m}`),
  'fact.competency.label',
  ...FACT_VALUES.competency.map((c) => `fact.competency.${c}`),
  ...QUICK_LINKS.map((portal) => `portal.${portal}`),
];

/** What browser/tab.js reads from the page. */
export interface TabPageData {
  locales: Readonly<Record<Lang, string>>;
  strings: PageStrings;
  hostConfigs: Record<TeamsTheme, ReturnType<typeof hostConfig>>;
  cardUrl: string;
}

function tabData(): TabPageData {
  return {
    locales: LOCALE_OF,
    strings: pageStrings(LABEL_KEYS),
    hostConfigs: Object.fromEntries(
      TEAMS_THEMES.map((theme) => [theme, hostConfig(PALETTES[theme])]),
    ) as TabPageData['hostConfigs'],
    cardUrl: ENTITLEMENT_CARD_PATH,
  };
}

/** Each theme's colours as CSS variables on <html data-theme="…">, from the same palettes as the host configs. */
const THEME_CSS = TEAMS_THEMES.map((theme) => {
  const variables = Object.entries(cssVariables(PALETTES[theme])).map(([name, value]) => `${name}: ${value};`);
  return `:root[data-theme='${theme}'] { ${variables.join(' ')} }`;
}).join('\n    ');

function radios(fact: 'membership' | 'competency', lang: Lang): string {
  return FACT_VALUES[fact]
    .map((value) => {
      const key = `fact.${fact}.${value}`;
      return `<label class="choice"><input type="radio" name="${fact}" value="${value}"><span data-text="${key}">${escapeUTF8(t(lang, key))}</span></label>`;
    })
    .join('\n          ');
}

function tabHtml(lang: Lang, theme: TeamsTheme, assets: WebAssets, data: TabPageData, nonce: string): string {
  const text = (key: string) => `data-text="${key}">${escapeUTF8(t(lang, key))}`;
  const links = QUICK_LINKS.map(
    (portal) =>
      `<li><a href="${escapeUTF8(portalUrl(portal))}" target="_blank" rel="noopener noreferrer" ${text(`portal.${portal}`)}</a></li>`,
  ).join('\n        ');
  return `<!DOCTYPE html>
<html lang="${LOCALE_OF[lang]}" data-theme="${theme}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title ${text('tab.title')}</title>
  <link rel="icon" type="image/png" href="${assets.icon.path}">
  <style nonce="${nonce}">
    ${THEME_CSS}
  </style>
  <link rel="stylesheet" href="${assets.tabStyle.path}">
</head>
<body>
<div class="page">
  <header class="page-header">
    <h1 ${text('tab.title')}</h1>
    <p ${text('tab.intro')}</p>
  </header>
  <div class="columns">
    <section class="checker" aria-labelledby="checker-title">
      <h2 id="checker-title" ${text('topic.entitlement.title')}</h2>
      <form id="checker" class="choices">
        <fieldset>
          <legend ${text('fact.membership.label')}</legend>
          ${radios('membership', lang)}
        </fieldset>
        <fieldset id="competency">
          <legend ${text('fact.competency.label')}</legend>
          ${radios('competency', lang)}
        </fieldset>
      </form>
      <div id="card" class="card" aria-live="polite" aria-busy="true"></div>
      <p id="card-problem" class="problem" role="alert" hidden ${text('tab.card_error')}</p>
    </section>
    <nav class="links" aria-labelledby="links-title">
      <h2 id="links-title" ${text('tab.links')}</h2>
      <ul>
        ${links}
      </ul>
    </nav>
  </div>
</div>
<script type="application/json" id="page-data">${scriptJson(data)}</script>
<script src="${assets.teamsJs.path}"></script>
<script src="${assets.adaptiveCards.path}"></script>
<script src="${assets.pageLanguageScript.path}" nonce="${nonce}"></script>
<script src="${assets.cardMarkdownScript.path}" nonce="${nonce}"></script>
<script src="${assets.tabScript.path}" nonce="${nonce}"></script>
</body>
</html>
`;
}

/** GET /tab */
export function tabPage(assets: WebAssets) {
  const data = tabData();
  return (req: IncomingMessage, res: ServerResponse): void => {
    const query = queryOf(req);
    const theme = query.get('theme');
    const nonce = createNonce();
    sendPage(
      res,
      tabHtml(pageLanguage(query, req), isTeamsTheme(theme) ? theme : 'default', assets, data, nonce),
      { frame: 'teams', connect: [TEAMS_JS_ORIGIN_LIST_HOST] },
      nonce,
    );
  };
}
