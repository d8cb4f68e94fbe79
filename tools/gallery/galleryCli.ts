/**
 * `npm run gallery`: every sample card (tools/gallery/sampleViews.ts) in every language side by side, drawn by the
 * Adaptive Cards browser renderer with a Teams-like host config, written to generated/gallery.html as one
 * self-contained page (the renderer is inlined; the page loads nothing from the network).
 * Open `gallery.html#entitlement,help` to show only the sections whose id starts with "entitlement" or "help".
 */
import { escapeUTF8 } from 'entities';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { toReply } from '../../cards/reply';
import { PROJECT_ROOT } from '../../src/contentPath';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { MAX_CARD_BYTES } from '../../cards/renderCard';
import { scriptJson } from '../../src/web/html';
import { hostConfig, PALETTES } from '../../src/web/tabThemes';
import { webAssets } from '../../src/web/webAssets';
import { sampleViews, type SampleView } from './sampleViews';

const OUTPUT = join(PROJECT_ROOT, 'generated', 'gallery.html');

/** What one cell of the gallery shows: the card JSON and its plain text, or why it could not be rendered. */
interface GalleryCard {
  lang: Lang;
  card?: unknown;
  text?: string;
  bytes?: number;
  error?: string;
}

function galleryCard(sample: SampleView): GalleryCard {
  try {
    const { card, text } = toReply(sample.view);
    return { lang: sample.lang, card, text, bytes: Buffer.byteLength(JSON.stringify(card), 'utf8') };
  } catch (error) {
    return { lang: sample.lang, error: error instanceof Error ? error.message : String(error) };
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function cellHtml(card: GalleryCard, index: number): string {
  const size =
    card.bytes === undefined
      ? ''
      : ` · ${(card.bytes / 1024).toFixed(1)} KB${card.bytes > MAX_CARD_BYTES ? ' (over the limit)' : ''}`;
  const body = card.error
    ? `<div class="problem">Not rendered: ${escapeUTF8(card.error)}</div>`
    : `<div class="card" lang="${LOCALE_OF[card.lang]}" data-card="${index}"></div><div class="problems"></div><div class="sent"></div>
       <details><summary>Plain text</summary><pre>${escapeUTF8(card.text ?? '')}</pre></details>`;
  return `<div class="cell"><div class="lang">${card.lang} · ${LOCALE_OF[card.lang]}${size}</div>${body}</div>`;
}

/** The script run in the page (after the tab's card markdown, cardMarkdown.js): every card parsed and rendered into its cell. */
const PAGE_SCRIPT = `
(function () {
  var AC = window.AdaptiveCards;
  var cards = JSON.parse(document.getElementById('gallery-cards').textContent);
  var hostConfig = new AC.HostConfig(JSON.parse(document.getElementById('gallery-host-config').textContent));
  AC.GlobalSettings.allowMoreThanMaxActionsInOverflowMenu = true;
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = window.MpnCardMarkdown.toHtml(text);
    result.didProcess = true;
  };
  var filters = decodeURIComponent(location.hash.slice(1)).split(',').filter(Boolean);
  document.querySelectorAll('section').forEach(function (section) {
    section.hidden = filters.length > 0 && !filters.some(function (f) { return section.id.indexOf(f) === 0; });
  });
  document.querySelectorAll('[data-card]').forEach(function (host) {
    var cell = host.parentNode;
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = function (action) {
      var sent = cell.querySelector('.sent');
      if (action instanceof AC.OpenUrlAction) sent.textContent = 'opens ' + action.url;
      else if (action instanceof AC.SubmitAction) sent.textContent = 'sends ' + JSON.stringify(action.data);
    };
    // The renderer checks lang with a global (/g) regular expression whose lastIndex survives between cards.
    if (AC.CardElement.langProperty.regEx) AC.CardElement.langProperty.regEx.lastIndex = 0;
    var context = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(cards[Number(host.getAttribute('data-card'))], context);
    var problems = [];
    for (var i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
    card.validateProperties().validationEvents.forEach(function (event) { problems.push(event.message); });
    cell.querySelector('.problems').textContent = problems.join(' · ');
    var element = card.render();
    if (element) host.appendChild(element);
  });
})();
`;

const PAGE_STYLE = `
body { margin: 0; padding: 16px 24px; background: #F0F0F0; color: #242424; font: 14px 'Segoe UI', system-ui, -apple-system, sans-serif; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header p { margin: 0 0 16px; color: #616161; }
section { margin: 0 0 28px; }
section h2 { font-size: 15px; margin: 0 0 8px; font-family: ui-monospace, Consolas, monospace; }
section h2 .kind { color: #616161; font-weight: 400; }
.grid { display: grid; grid-template-columns: repeat(${LANGS.length}, minmax(0, 1fr)); gap: 16px; align-items: start; }
.lang { font-size: 12px; color: #616161; margin: 0 0 4px; }
.card { background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06); }
.card .ac-textBlock p { margin: 0; }
.card .ac-textBlock p + p { margin-top: 8px; }
.card .ac-textBlock a { color: #5B5FC7; }
.card .ac-pushButton { font: 600 14px 'Segoe UI', system-ui, sans-serif; color: #242424; background: #FFFFFF; border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card .ac-pushButton:hover { background: #F5F5F5; }
.card .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
.card .ac-input { font: 14px 'Segoe UI', system-ui, sans-serif; border: 1px solid #D1D1D1; border-radius: 4px; padding: 6px; }
.problems, .problem { color: #C4314B; font-size: 12px; margin-top: 4px; }
.sent { color: #616161; font-size: 12px; margin-top: 4px; word-break: break-all; }
details { margin-top: 6px; }
summary { cursor: pointer; color: #616161; font-size: 12px; }
pre { white-space: pre-wrap; word-break: break-word; font: 12px ui-monospace, Consolas, monospace; background: #FFFFFF; border: 1px solid #E0E0E0; padding: 8px; margin: 4px 0 0; }
`;

/** The whole page, with the renderer bundle inlined. */
export function galleryHtml(samples: readonly SampleView[], rendererBundle: string): string {
  const names = [...new Set(samples.map((sample) => sample.name))];
  const cells: GalleryCard[] = [];
  const sections = names.map((name) => {
    const row = LANGS.map((lang) => samples.find((s) => s.name === name && s.lang === lang)).filter(
      (s): s is SampleView => s !== undefined,
    );
    const html = row.map((sample) => {
      cells.push(galleryCard(sample));
      return cellHtml(cells.at(-1) as GalleryCard, cells.length - 1);
    });
    const kind = row[0]?.view.kind ?? '';
    return `<section id="${slug(name)}"><h2>${escapeUTF8(name)} <span class="kind">— ${kind} card</span></h2><div class="grid">${html.join('')}</div></section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Card gallery — ${names.length} cards in ${LANGS.length} languages</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>Card gallery</h1><p>${names.length} cards × ${LANGS.length} languages (${cells.length} renderings), drawn by the Adaptive Cards renderer with a Teams-like host config. Problems the renderer reports appear in red under a card.</p></header>
${sections.join('\n')}
<script type="application/json" id="gallery-cards">${scriptJson(cells.map((cell) => cell.card ?? null))}</script>
<script type="application/json" id="gallery-host-config">${scriptJson(hostConfig(PALETTES.default))}</script>
<script>${rendererBundle.replace(/<\/script/gi, '<\\/script')}</script>
<script>${readFileSync(webAssets().cardMarkdownScript.file, 'utf8')}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** The Adaptive Cards browser bundle, inlined into the page. */
export function rendererBundle(): string {
  return readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
}

function main(): void {
  const bundle = rendererBundle();
  const samples = sampleViews();
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, galleryHtml(samples, bundle), 'utf8');
  const names = new Set(samples.map((sample) => sample.name)).size;
  console.log(
    `${relative(process.cwd(), OUTPUT) || OUTPUT}: ${names} cards × ${LANGS.length} languages = ${samples.length} renderings`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) main();
