/**
 * The review page's HTML, drawn on the server in one of the four languages: no script at all (the pages' CSP
 * allows none inline), plain forms that post back with the session's CSRF token. Every value is escaped.
 */
import { LANGS, LOCALE_OF, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { INTENTS, isTopic, type Intent } from '../nlu/intents';
import { escapeUTF8 } from 'entities';
import { staffPageHtml } from '../web/staffPage';
import { groupForReview, nearestIntent } from './reviewGroups';
import {
  continuationAt,
  REVIEW_REASONS,
  REVIEW_STATUSES,
  type ReviewFilter,
  type ReviewItem,
  type ReviewLabel,
} from './reviewItem';
import type { TrainingGain } from './trainingGain';

export const REVIEW_NOTICES = ['labelled', 'conflict', 'applied', 'gone', 'bad_form', 'expired'] as const;
export type ReviewNotice = (typeof REVIEW_NOTICES)[number];

export interface ReviewPageView {
  lang: Lang;
  nonce: string;
  items: readonly ReviewItem[];
  filter: ReviewFilter;
  /** The filter's query text as given (kept in the forms so a label returns to the same list). */
  query: string;
  gained: TrainingGain;
  now: number;
  idleMs: number;
  /** Absent when signed in with a bearer header (no session, no CSRF needed). */
  session?: { name: string; csrf: string };
  notice?: ReviewNotice;
  /** The filter's problems, for a filter that was refused. */
  filterProblems?: string;
}

/** What a topic, or one of the conversation's own intents, is called on the page. */
export function intentTitle(intent: Intent, lang: Lang): string {
  return isTopic(intent) || intent === 'human_handoff'
    ? t(lang, `topic.${intent}.title`)
    : t(lang, `review.intent.${intent}`);
}

export function labelTitle(label: ReviewLabel, lang: Lang): string {
  if (label.kind === 'intent') return intentTitle(label.intent, lang);
  return t(lang, `review.label.${label.kind}`);
}

export function reviewPageHtml(view: ReviewPageView): string {
  const { lang } = view;
  const groups = groupForReview(view.items);
  const body = [
    header(view),
    view.notice
      ? `<p class="notice${view.notice === 'labelled' ? '' : ' error'}" role="${view.notice === 'labelled' ? 'status' : 'alert'}" data-notice="${view.notice}">${escapeUTF8(t(lang, `review.notice.${view.notice}`))}</p>`
      : '',
    view.filterProblems
      ? `<p class="notice error" role="alert">${escapeUTF8(t(lang, 'review.filter.error', { problems: view.filterProblems }))}</p>`
      : '',
    filterForm(view),
    gainedTable(view),
    `<p class="summary">${escapeUTF8(t(lang, 'review.summary', { count: view.items.length, groups: groups.length }))}</p>`,
    groups.length
      ? groups
          .map(
            (group) => `<section class="group" data-intent="${group.intent}">
  <h2>${escapeUTF8(intentTitle(group.intent, lang))} <span class="count">${escapeUTF8(t(lang, 'review.group.count', { count: group.count, clusters: group.clusters.length }))}</span></h2>
  ${group.clusters.map((cluster) => clusterHtml(cluster.items, view)).join('\n')}
</section>`,
          )
          .join('\n')
      : `<p>${escapeUTF8(t(lang, 'review.empty'))}</p>`,
  ].join('\n');
  return staffPageHtml({ lang, title: t(lang, 'review.title'), nonce: view.nonce, css: STYLE, body });
}

export function loginPageHtml(lang: Lang, nonce: string, wrongKey: boolean): string {
  const body = `<h1>${escapeUTF8(t(lang, 'review.login.title'))}</h1>
${languageLinks(lang, '')}
${wrongKey ? `<p class="notice error" role="alert">${escapeUTF8(t(lang, 'review.login.wrong_key'))}</p>` : ''}
<form method="post" action="/review/login" class="login">
  <input type="hidden" name="locale" value="${LOCALE_OF[lang]}">
  <label>${escapeUTF8(t(lang, 'review.login.name'))} <input name="name" autocomplete="name" maxlength="80"></label>
  <label>${escapeUTF8(t(lang, 'review.login.key'))} <input name="key" type="password" autocomplete="current-password" required></label>
  <button type="submit">${escapeUTF8(t(lang, 'review.login.submit'))}</button>
</form>`;
  return staffPageHtml({ lang, title: t(lang, 'review.login.title'), nonce, css: STYLE, body });
}

function header(view: ReviewPageView): string {
  const { lang, session } = view;
  const signOut = session
    ? `<form method="post" action="/review/logout" class="signout"><input type="hidden" name="csrf" value="${escapeUTF8(session.csrf)}"><span>${escapeUTF8(
        t(lang, 'review.signed_in_as', { name: session.name }),
      )}</span> <button type="submit">${escapeUTF8(t(lang, 'review.logout'))}</button></form>`
    : '';
  return `<header><h1>${escapeUTF8(t(lang, 'review.title'))}</h1>${signOut}</header>
${languageLinks(lang, view.query)}
<p class="intro">${escapeUTF8(t(lang, 'review.intro'))}</p>`;
}

function languageLinks(current: Lang, query: string): string {
  const links = LANGS.map((lang) => {
    const href = `/review?${[query, `locale=${LOCALE_OF[lang]}`].filter(Boolean).join('&')}`;
    return lang === current
      ? `<strong lang="${LOCALE_OF[lang]}">${escapeUTF8(t(lang, 'language.name'))}</strong>`
      : `<a href="${escapeUTF8(href)}" lang="${LOCALE_OF[lang]}">${escapeUTF8(t(lang, 'language.name'))}</a>`;
  });
  return `<nav class="languages">${links.join(' · ')}</nav>`;
}

function filterForm(view: ReviewPageView): string {
  const { lang, filter } = view;
  const select = (name: string, values: readonly string[], chosen: string | undefined, title: (v: string) => string) =>
    `<label>${escapeUTF8(t(lang, `review.filter.${name}`))} <select name="${name}"><option value="">${escapeUTF8(t(lang, 'review.filter.any'))}</option>${values
      .map((v) => `<option value="${v}"${v === chosen ? ' selected' : ''}>${escapeUTF8(title(v))}</option>`)
      .join('')}</select></label>`;
  const date = (name: 'from' | 'to') =>
    `<label>${escapeUTF8(t(lang, `review.filter.${name}`))} <input type="date" name="${name}" value="${escapeUTF8((filter[name] ?? '').slice(0, 10))}"></label>`;
  return `<form method="get" action="/review" class="filter">
  <input type="hidden" name="locale" value="${LOCALE_OF[lang]}">
  ${select('lang', LANGS, filter.lang, (v) => v)}
  ${select('reason', REVIEW_REASONS, filter.reason, (v) => t(lang, `review.reason.${v}`))}
  ${select('status', REVIEW_STATUSES, filter.status, (v) => t(lang, `review.status.${v}`))}
  ${date('from')} ${date('to')}
  <label>${escapeUTF8(t(lang, 'review.filter.limit'))} <input type="number" name="limit" min="1" max="1000" value="${filter.limit ?? ''}"></label>
  <button type="submit">${escapeUTF8(t(lang, 'review.filter.submit'))}</button>
</form>`;
}

function gainedTable(view: ReviewPageView): string {
  const { lang, gained } = view;
  const rows = (['applied', 'waiting'] as const).flatMap((kind) =>
    Object.entries(gained[kind]).map(([intent, byLang]) => ({ kind, intent: intent as Intent, byLang })),
  );
  const table = rows.length
    ? `<table class="gained"><thead><tr><th></th><th>${escapeUTF8(t(lang, 'review.gained.intent'))}</th>${LANGS.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>${rows
        .map(
          ({ kind, intent, byLang }) =>
            `<tr data-kind="${kind}" data-intent="${intent}"><td>${escapeUTF8(t(lang, `review.gained.${kind}`))}</td><td>${escapeUTF8(intentTitle(intent, lang))}</td>${LANGS.map(
              (l) => `<td data-lang="${l}">${byLang[l] ? `+${byLang[l]}` : ''}</td>`,
            ).join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : `<p>${escapeUTF8(t(lang, 'review.gained.none'))}</p>`;
  return `<section class="gained"><h2>${escapeUTF8(t(lang, 'review.gained.title'))}</h2>${table}</section>`;
}

function clusterHtml(items: readonly ReviewItem[], view: ReviewPageView): string {
  const { lang } = view;
  return `<div class="cluster" data-size="${items.length}">
  ${items.length > 1 ? `<p class="cluster-count">${escapeUTF8(t(lang, 'review.cluster.count', { count: items.length }))}</p>` : ''}
  <table><thead><tr>${['question', 'lang', 'reason', 'channel', 'when', 'intents', 'then', 'decision'].map((c) => `<th>${escapeUTF8(t(lang, `review.col.${c}`))}</th>`).join('')}</tr></thead>
  <tbody>${items.map((item) => itemRow(item, view)).join('\n')}</tbody></table>
</div>`;
}

function itemRow(item: ReviewItem, view: ReviewPageView): string {
  const { lang } = view;
  const continuation = continuationAt(item, view.now, view.idleMs);
  const intents = item.intents
    .map((i) => `${escapeUTF8(intentTitle(i.intent, lang))} ${i.confidence.toFixed(2)}`)
    .join('<br>');
  return `<tr class="item" data-id="${escapeUTF8(item.id)}" data-status="${item.status}">
  <td class="text" lang="${LOCALE_OF[item.lang]}">${escapeUTF8(item.text)}</td>
  <td>${item.lang}</td>
  <td>${escapeUTF8(t(lang, `review.reason.${item.reason}`))}</td>
  <td>${escapeUTF8(item.channel)}</td>
  <td><time datetime="${escapeUTF8(item.createdAt)}">${escapeUTF8(item.createdAt.slice(0, 16).replace('T', ' '))}</time></td>
  <td>${intents}</td>
  <td data-continuation="${continuation}">${escapeUTF8(t(lang, `review.continuation.${continuation}`))}</td>
  <td>${decision(item, view)}</td>
</tr>`;
}

function decision(item: ReviewItem, view: ReviewPageView): string {
  const { lang } = view;
  const current = item.label
    ? `<p class="label">${escapeUTF8(t(lang, 'review.label.by', { label: labelTitle(item.label, lang), name: item.labelledBy ?? '' }))}</p>`
    : '';
  if (item.applied)
    return `${current}<p data-outcome="${item.applied.outcome}">${escapeUTF8(t(lang, `review.outcome.${item.applied.outcome}`))}</p>`;
  const nearest = nearestIntent(item);
  const chosen = item.label
    ? labelValue(item.label)
    : nearest === 'out_of_scope'
      ? 'out_of_scope'
      : `intent:${nearest}`;
  const option = (value: string, title: string) =>
    `<option value="${value}"${value === chosen ? ' selected' : ''}>${escapeUTF8(title)}</option>`;
  const topics = INTENTS.filter((i) => i !== 'out_of_scope').map((i) => option(`intent:${i}`, intentTitle(i, lang)));
  return `${current}<form method="post" action="/review/label" class="label-form">
  <input type="hidden" name="id" value="${escapeUTF8(item.id)}">
  <input type="hidden" name="version" value="${item.version}">
  <input type="hidden" name="back" value="${escapeUTF8(view.query)}">
  <input type="hidden" name="locale" value="${LOCALE_OF[lang]}">
  ${view.session ? `<input type="hidden" name="csrf" value="${escapeUTF8(view.session.csrf)}">` : ''}
  <label>${escapeUTF8(t(lang, 'review.label.as'))} <select name="label"><optgroup label="${escapeUTF8(t(lang, 'review.label.topic_group'))}">${topics.join('')}</optgroup>${option(
    'out_of_scope',
    t(lang, 'review.label.out_of_scope'),
  )}${option('noise', t(lang, 'review.label.noise'))}</select></label>
  <button type="submit">${escapeUTF8(t(lang, 'review.label.save'))}</button>
</form>`;
}

/** A label as a form value: `intent:<intent>`, `out_of_scope` or `noise`. */
export function labelValue(label: ReviewLabel): string {
  return label.kind === 'intent' ? `intent:${label.intent}` : label.kind;
}

const STYLE = `
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; color: #242424; background: #f5f5f5; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
header { display: flex; justify-content: space-between; align-items: center; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 1.6rem; margin: 8px 0; }
h2 { font-size: 1.2rem; margin: 24px 0 8px; }
.count, .cluster-count { color: #616161; font-weight: normal; font-size: 0.95rem; }
.intro, .summary { color: #424242; }
.notice { background: #e0f2f1; border-left: 4px solid #00796b; padding: 8px 12px; }
.notice.error { background: #fdecea; border-color: #c62828; }
form.filter, form.login { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; background: #fff; padding: 12px; border-radius: 6px; }
form.login { flex-direction: column; align-items: start; max-width: 360px; }
label { display: inline-flex; flex-direction: column; font-size: 0.85rem; gap: 2px; }
.label-form label { display: flex; }
table { border-collapse: collapse; width: 100%; background: #fff; }
.cluster table { table-layout: fixed; }
.cluster th:nth-child(1) { width: 28%; } .cluster th:nth-child(2) { width: 5%; } .cluster th:nth-child(3) { width: 9%; }
.cluster th:nth-child(4) { width: 8%; } .cluster th:nth-child(5) { width: 9%; } .cluster th:nth-child(6) { width: 15%; }
.cluster th:nth-child(7) { width: 9%; } .cluster th:nth-child(8) { width: 17%; }
.label-form select { max-width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; font-size: 0.9rem; }
th { background: #fafafa; font-weight: 600; }
td { overflow-wrap: anywhere; }
.cluster { margin: 8px 0 16px; border-left: 3px solid #5c6bc0; padding-left: 8px; }
.cluster[data-size="1"] { border-left-color: #bdbdbd; }
section.gained table { width: auto; }
button { background: #5b5fc7; color: #fff; border: 0; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #242424; outline-offset: 2px; }
nav.languages { margin: 4px 0 8px; }
.label { margin: 0 0 4px; color: #2e7d32; }
`;
