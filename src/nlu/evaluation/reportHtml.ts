/** The evaluation report for people: a summary table (markdown, for the terminal and notes) and an HTML page. */
import { escapeUTF8 } from 'entities';
import { LANGS } from '../../i18n/locales';
import { HIGH_CONFIDENCE, type EvaluationReport, type SliceReport } from './evaluate';
import type { PortalMessageCheck } from './portalMessageCheck';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function summaryTable(report: EvaluationReport, portal: PortalMessageCheck): string {
  const row = (name: string, s: SliceReport) =>
    `| ${name} | ${s.count} | ${pct(s.inScopeAccuracy)} | ${pct(s.accuracy)} | ${s.macroF1.toFixed(3)} | ${pct(s.outOfScopePrecision)} | ${pct(s.outOfScopeRecall)} | ${pct(s.inScopeRejected)} | ${pct(s.languageAccuracy)} |`;
  return [
    '| slice | questions | in-scope accuracy | accuracy | macro-F1 | OOS precision | OOS recall | in-scope rejected | language id |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...LANGS.map((lang) => row(lang, report.byLang[lang])),
    row('all', report.overall),
    '',
    `latency per question: p50 ${report.latencyMicros.p50.toFixed(0)} µs, p99 ${report.latencyMicros.p99.toFixed(0)} µs`,
    `portal messages recognised: ${portal.recognised}/${portal.total} (${pct(portal.recognised / (portal.total || 1))}), whole, in part and with a typo`,
  ].join('\n');
}

/** The long, real-style messages: in-scope accuracy, out-of-scope recall and high-confidence mistakes per language. */
export function longMessagesTable(report: EvaluationReport): string {
  const row = (name: string, s: SliceReport) =>
    `| ${name} | ${s.count} | ${pct(s.inScopeAccuracy)} | ${pct(s.outOfScopeRecall)} | ${pct(s.highConfidenceMistakes)} | ${pct(s.inScopeRejected)} |`;
  return [
    `| slice | messages | in-scope accuracy | OOS recall | wrong at confidence ≥ ${HIGH_CONFIDENCE} | in-scope rejected |`,
    '|---|---:|---:|---:|---:|---:|',
    ...LANGS.map((lang) => row(lang, report.byLang[lang])),
    row('all', report.overall),
  ].join('\n');
}

const errorRows = (report: EvaluationReport) =>
  report.errors
    .map(
      (e) =>
        `<tr><td>${e.lang}</td><td>${e.expected}</td><td>${e.predicted}</td><td>${e.confidence}</td><td>${escapeUTF8(e.text)}</td></tr>`,
    )
    .join('\n');

export function evaluationHtml(
  report: EvaluationReport,
  portal: PortalMessageCheck,
  pictures: string[],
  longMessages: { title: string; report: EvaluationReport },
): string {
  const labels = report.overall.labels
    .map(
      (l) =>
        `<tr><td>${l.label}</td><td>${pct(l.precision)}</td><td>${pct(l.recall)}</td><td>${l.f1.toFixed(3)}</td><td>${l.support}</td></tr>`,
    )
    .join('\n');
  const errors = errorRows(report);
  const misses = portal.misses
    .map((m) => `<li>${m.lang} ${m.intent} → ${m.got}: ${escapeUTF8(m.text)}</li>`)
    .join('\n');
  const summary = escapeUTF8(summaryTable(report, portal));
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>NLU evaluation (development set)</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;max-width:1200px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;font-size:13px}pre{background:#f6f6f6;padding:12px;overflow:auto}</style>
<h1>NLU evaluation on the development set</h1>
<pre>${summary}</pre>
<h2>Per label (all languages)</h2>
<table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>${labels}</table>
<h2>Confusion matrices</h2>
${pictures.map((name) => `<img src="confusion-${name}.svg" alt="confusion matrix ${name}">`).join('\n')}
<h2>Errors (${report.errors.length})</h2>
<table><tr><th>lang</th><th>expected</th><th>predicted</th><th>confidence</th><th>text</th></tr>${errors}</table>
<h2>Portal messages not recognised (${portal.misses.length})</h2><ul>${misses}</ul>
<h2>${escapeUTF8(longMessages.title)}</h2>
<pre>${escapeUTF8(longMessagesTable(longMessages.report))}</pre>
<h3>Errors (${longMessages.report.errors.length})</h3>
<table><tr><th>lang</th><th>expected</th><th>predicted</th><th>confidence</th><th>text</th></tr>${errorRows(longMessages.report)}</table>
</html>`;
}
