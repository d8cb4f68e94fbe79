/**
 * The insights page (GET /insights): tiles with the period's numbers, questions per day, the outcomes per
 * language and per channel, tickets by status, "Was this helpful?" by topic and the top rejected questions, in
 * the page language (`locale`, else Accept-Language). Drawn whole on the server with SVG charts: no script.
 * Filters are links (the pages' Content-Security-Policy allows no form submission).
 */
import { LANGS, LOCALE_OF, type Lang } from '../i18n/locales';
import { hasString, t } from '../i18n/strings';
import type { Intent } from '../nlu/intents';
import { TICKET_STATUSES } from '../tickets/ticket';
import { escapeUTF8 } from 'entities';
import { staffPageHtml } from '../web/staffPage';
import { shareBar, stackedColumns, type Series } from './insightsCharts';
import { dayOf, startOfDay, type InsightsQuery } from './insightsQuery';
import type { InsightsReport, OutcomeCounts } from './insightsReport';
import { INSIGHTS_CSS } from './insightsStyle';

export const INSIGHTS_PATH = '/insights';
/** The period links the page offers, in days. */
const PERIODS = [7, 30, 90, 365] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Formats {
  number: (n: number) => string;
  percent: (n: number | null) => string;
  date: (day: string) => string;
}

function formatsOf(lang: Lang): Formats {
  const number = new Intl.NumberFormat(LOCALE_OF[lang]);
  const percent = new Intl.NumberFormat(LOCALE_OF[lang], { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(LOCALE_OF[lang], { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number: (n) => number.format(n),
    percent: (n) => (n === null ? '—' : percent.format(n)),
    date: (day) => date.format(new Date(startOfDay(day) as number)),
  };
}

const topicName = (lang: Lang, intent: Intent) =>
  hasString(`topic.${intent}.title`) ? t(lang, `topic.${intent}.title`) : t(lang, 'insights.other_topic');

/** The query string of a link that changes some of the request's parameters. */
function link(
  query: InsightsQuery & { locale?: string },
  change: Partial<Record<'from' | 'to' | 'lang' | 'channel' | 'locale', string | undefined>>,
): string {
  const next: Record<string, string | undefined> = {
    from: query.from,
    to: query.to,
    lang: query.lang,
    channel: query.channel,
    locale: query.locale,
    ...change,
  };
  const params = new URLSearchParams(
    Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return escapeUTF8(`${INSIGHTS_PATH}?${params.toString()}`);
}

function choices(label: string, options: { text: string; href: string; current: boolean; lang?: Lang }[]): string {
  const items = options
    .map(
      (o) =>
        `<li><a href="${o.href}"${o.current ? ' aria-current="true"' : ''}${o.lang ? ` lang="${LOCALE_OF[o.lang]}"` : ''}>${escapeUTF8(o.text)}</a></li>`,
    )
    .join('');
  return `<nav class="choices" aria-label="${escapeUTF8(label)}"><span class="choices-label">${escapeUTF8(label)}</span><ul>${items}</ul></nav>`;
}

export interface InsightsPageInput {
  report: InsightsReport;
  query: InsightsQuery;
  lang: Lang;
  /** Today (UTC), for the period links. */
  now: number;
  nonce: string;
}

export function insightsHtml({ report, query, lang, now, nonce }: InsightsPageInput): string {
  const f = formatsOf(lang);
  const here = { ...query, locale: LOCALE_OF[lang] };
  const today = dayOf(now);
  const s = (key: string, params: Record<string, string | number> = {}) => escapeUTF8(t(lang, key, params));
  const series: Series[] = [
    { className: 's-answered', label: t(lang, 'insights.answered') },
    { className: 's-clarify', label: t(lang, 'insights.clarify') },
    { className: 's-rejected', label: t(lang, 'insights.rejected') },
  ];
  const outcomeParts = (counts: OutcomeCounts) => [
    { ...series[0]!, value: counts.answered },
    { ...series[1]!, value: counts.clarify },
    { ...series[2]!, value: counts.rejected },
  ];
  const { totals } = report;
  const share = (n: number) =>
    totals.questions ? s('insights.share_of_questions', { percent: f.percent(n / totals.questions) }) : '&nbsp;';
  const tile = (key: string, value: string, note = '&nbsp;', className = '') =>
    `<div class="tile ${className}" data-key="${key}"><div class="tile-label">${s(key)}</div><div class="tile-value">${value}</div><div class="tile-note">${note}</div></div>`;

  const filters = [
    choices(
      t(lang, 'insights.period'),
      PERIODS.map((days) => {
        const from = dayOf(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS);
        return {
          text: t(lang, 'insights.last_days', { days }),
          href: link(here, { from, to: today }),
          current: query.from === from && query.to === today,
        };
      }),
    ),
    choices(t(lang, 'insights.language'), [
      { text: t(lang, 'insights.all'), href: link(here, { lang: undefined }), current: !query.lang },
      ...LANGS.map((l) => ({
        text: t(l, 'language.name'),
        href: link(here, { lang: l }),
        current: query.lang === l,
        lang: l,
      })),
    ]),
    choices(t(lang, 'insights.channel'), [
      { text: t(lang, 'insights.all'), href: link(here, { channel: undefined }), current: !query.channel },
      ...[...new Set([...report.channels, ...(query.channel ? [query.channel] : [])])].map((c) => ({
        text: c,
        href: link(here, { channel: c }),
        current: query.channel === c,
      })),
    ]),
    choices(
      t(lang, 'insights.page_language'),
      LANGS.map((l) => ({
        text: t(l, 'language.name'),
        href: link(here, { locale: LOCALE_OF[l] }),
        current: l === lang,
        lang: l,
      })),
    ),
  ].join('\n');

  const ticketParts = TICKET_STATUSES.map((status) => ({
    className: `t-${status}`,
    label: t(lang, `ticket.status.${status}`),
    value: report.tickets[status],
  }));
  const tiles = [
    tile('insights.conversations', f.number(totals.conversations)),
    tile('insights.questions', f.number(totals.questions)),
    tile('insights.answered', f.number(totals.answered), share(totals.answered), 'k-answered'),
    tile('insights.clarify', f.number(totals.clarify), share(totals.clarify), 'k-clarify'),
    tile('insights.rejected', f.number(totals.rejected), share(totals.rejected), 'k-rejected'),
    tile(
      'insights.deflection',
      f.percent(totals.deflectionRate),
      s('insights.deflection_note', {
        deflected: f.number(totals.deflected),
        conversations: f.number(totals.conversations),
      }),
    ),
    tile('insights.handoffs', f.number(totals.handoffs)),
    tile(
      'insights.tickets',
      f.number(report.tickets.total),
      `${shareBar(ticketParts, f.number)}<br>${ticketParts.map((p) => `${escapeUTF8(p.label)} ${f.number(p.value)}`).join(' · ')}`,
    ),
  ].join('\n');

  const tick = Math.ceil(report.byDay.length / 10);
  const columns = report.byDay.map((d, i) => ({
    tick: i % tick === 0 ? d.day.slice(5) : '',
    name: f.date(d.day),
    values: [d.answered, d.clarify, d.rejected],
  }));
  const legend = (parts: readonly Series[]) =>
    `<ul class="legend">${parts.map((p) => `<li><span class="swatch ${p.className}"></span>${escapeUTF8(p.label)}</li>`).join('')}</ul>`;

  const breakdown = (titleKey: string, rows: { name: string; nameLang?: Lang; counts: OutcomeCounts }[]) => `
  <section>
    <h2>${s(titleKey)}</h2>
    <table>
      <thead><tr><th></th><th>${s('insights.conversations')}</th><th>${s('insights.questions')}</th><th class="bar-cell">${s('insights.answered')} / ${s('insights.clarify')} / ${s('insights.rejected')}</th><th>${s('insights.deflection')}</th><th>${s('insights.handoffs')}</th><th>${s('insights.tickets')}</th></tr></thead>
      <tbody>${rows
        .map(
          ({ name, nameLang, counts }) =>
            `<tr><th scope="row"${nameLang ? ` lang="${LOCALE_OF[nameLang]}"` : ''}>${escapeUTF8(name)}</th><td>${f.number(counts.conversations)}</td><td>${f.number(counts.questions)}</td><td class="bar-cell">${shareBar(outcomeParts(counts), f.number)} <span class="numbers">${f.number(counts.answered)} / ${f.number(counts.clarify)} / ${f.number(counts.rejected)}</span></td><td>${f.percent(counts.deflectionRate)}</td><td>${f.number(counts.handoffs)}</td><td>${f.number(counts.tickets)}</td></tr>`,
        )
        .join('')}</tbody>
    </table>
  </section>`;

  const feedbackSeries = [
    { className: 's-answered', label: t(lang, 'insights.helpful') },
    { className: 's-rejected', label: t(lang, 'insights.not_helpful') },
  ];
  const feedback = report.feedbackByTopic.length
    ? `<table><thead><tr><th></th><th class="bar-cell">${s('insights.helpful')} / ${s('insights.not_helpful')}</th></tr></thead><tbody>${report.feedbackByTopic
        .map(
          (row) =>
            `<tr><th scope="row">${escapeUTF8(topicName(lang, row.intent))}</th><td class="bar-cell">${shareBar(
              [
                { ...feedbackSeries[0]!, value: row.helpful },
                { ...feedbackSeries[1]!, value: row.notHelpful },
              ],
              f.number,
            )} <span class="numbers">${f.number(row.helpful)} / ${f.number(row.notHelpful)}</span></td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="empty">${s('insights.no_data')}</p>`;

  const rejected =
    report.topRejected === undefined
      ? `<p class="empty">${s('insights.top_rejected_unavailable')}</p>`
      : report.topRejected.length
        ? `<table class="rejected"><thead><tr><th>${s('insights.question')}</th><th>${s('insights.language')}</th><th>${s('insights.times')}</th></tr></thead><tbody>${report.topRejected
            .map(
              (q) =>
                `<tr><td lang="${LOCALE_OF[q.lang]}">${escapeUTF8(q.text)}</td><td>${escapeUTF8(q.lang)}</td><td>${f.number(q.count)}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : `<p class="empty">${s('insights.top_rejected_none')}</p>`;

  const body = `  <header>
    <h1>${s('insights.title')}</h1>
    <p>${s('insights.intro', { from: f.date(report.period.from), to: f.date(report.period.to), days: f.number(report.period.days) })}</p>
    ${filters}
  </header>
  <section class="tiles" aria-label="${s('insights.title')}">
${tiles}
  </section>
  <section>
    <h2>${s('insights.by_day')}</h2>
    ${legend(series)}
    ${stackedColumns(t(lang, 'insights.by_day'), series, columns, f.number)}
  </section>
  ${breakdown(
    'insights.by_lang',
    report.byLang.map((row) => ({ name: t(row.lang, 'language.name'), nameLang: row.lang, counts: row })),
  )}
  ${breakdown(
    'insights.by_channel',
    report.byChannel.map((row) => ({ name: row.channel, counts: row })),
  )}
  <section>
    <h2>${s('insights.tickets')}</h2>
    <p class="note">${s('insights.tickets_note')}</p>
    ${legend(ticketParts)}
    ${shareBar(ticketParts, f.number)} <span class="numbers">${ticketParts.map((p) => f.number(p.value)).join(' / ')}</span>
  </section>
  <section>
    <h2>${s('insights.feedback_by_topic')}</h2>
    ${feedback}
  </section>
  <section>
    <h2>${s('insights.top_rejected')}</h2>
    ${rejected}
  </section>`;
  return staffPageHtml({ lang, title: t(lang, 'insights.title'), nonce, css: INSIGHTS_CSS, body });
}

/** A page that only says what went wrong (refused key, wrong parameters, a failure with its reference). */
export function insightsMessageHtml(
  lang: Lang,
  title: string,
  lines: readonly string[],
  nonce: string,
  link?: { text: string; href: string },
): string {
  const body = `  <h1>${escapeUTF8(title)}</h1>
  ${lines.map((line) => `<p class="problem">${escapeUTF8(line)}</p>`).join('\n  ')}
  ${link ? `<p><a href="${escapeUTF8(link.href)}">${escapeUTF8(link.text)}</a></p>` : ''}`;
  return staffPageHtml({ lang, title, nonce, css: INSIGHTS_CSS, body });
}
