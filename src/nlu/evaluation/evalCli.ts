/**
 * `npm run eval`: the classifier on the development set (never used for training). Prints the summary and
 * writes generated/eval/report.html with per-label scores, errors and confusion-matrix pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../contentPath';
import { LANGS } from '../../i18n/locales';
import { classifier } from '../classifier';
import { readUtterances } from '../utterances';
import { confusionSvg } from './confusionSvg';
import { evaluate } from './evaluate';
import { checkPortalMessages } from './portalMessageCheck';
import { evaluationHtml, summaryTable } from './reportHtml';

const outDir = join(PROJECT_ROOT, 'generated', 'eval');
mkdirSync(outDir, { recursive: true });
const report = evaluate(classifier(), readUtterances('dev'));
const portal = checkPortalMessages(classifier());
const pictures = [{ name: 'overall', slice: report.overall }, ...LANGS.map((lang) => ({ name: lang, slice: report.byLang[lang] }))];
for (const { name, slice } of pictures) writeFileSync(join(outDir, `confusion-${name}.svg`), confusionSvg(slice.confusion, `Confusion matrix: ${name} (dev set)`));
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify({ ...report, portalMessages: portal }, null, 2)}\n`);
writeFileSync(join(outDir, 'report.html'), evaluationHtml(report, portal, pictures.map((p) => p.name)));
console.log(summaryTable(report, portal));
console.log(`\nreport: ${join(outDir, 'report.html')}`);
