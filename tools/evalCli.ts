/**
 * `npm run eval`: the classifier on the development set of short questions and on the development set of long,
 * real-style messages (both never used for training), and the detail questions answered through the bot's views.
 * `-- --tuning` measures on the tuning side instead: the detail tuning set, and the long training lines by
 * cross-validation. Prints the summaries and writes generated/eval/report.html with per-label scores, errors and
 * confusion-matrix pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/contentPath';
import { LANGS } from '../src/i18n/locales';
import { knowledgeBase } from '../src/knowledge/knowledgeBase';
import { classifierOrExit } from './cliClassifier';
import { articleRetriever } from '../src/nlu/retrieval';
import { readUtterances } from '../src/nlu/utterances';
import { detailTable, evaluateDetails, offTopicLeads } from '../src/nlu/evaluation/detailQuestions';
import { confusionSvg } from '../src/nlu/evaluation/confusionSvg';
import { evaluate } from '../src/nlu/evaluation/evaluate';
import { crossValidatedLongMessages, LONG_MESSAGE_WORDS } from '../src/nlu/evaluation/longMessagesCv';
import { checkPortalMessages } from '../src/nlu/evaluation/portalMessageCheck';
import { evaluationHtml, longMessagesTable, summaryTable } from '../src/nlu/evaluation/reportHtml';

const nlu = classifierOrExit('eval');
const outDir = join(PROJECT_ROOT, 'generated', 'eval');
mkdirSync(outDir, { recursive: true });
const devUtterances = readUtterances('dev');
const report = evaluate(nlu, devUtterances);
const tuning = process.argv.includes('--tuning');
const detailSplit = tuning ? 'tuning' : 'dev';
// The intent questions come from the same side as the detail questions: development, or training for --tuning
// (so tuning never looks at a development question).
const sideUtterances = detailSplit === 'dev' ? devUtterances : readUtterances('train');
const plain = offTopicLeads(nlu, articleRetriever(), knowledgeBase(), sideUtterances);
const details = evaluateDetails(
  nlu,
  articleRetriever(),
  detailSplit,
  sideUtterances.filter((u) => u.intent === 'out_of_scope'),
  plain,
);
const portal = checkPortalMessages(nlu);
const longMessages = tuning
  ? {
      title: `Long messages: training lines of ${LONG_MESSAGE_WORDS} words or more, 5-fold cross-validation`,
      report: crossValidatedLongMessages(readUtterances('train')),
    }
  : {
      title: 'Long, real-style messages (content/nlu/dev/messages)',
      report: evaluate(nlu, readUtterances('dev-messages')),
    };
const pictures = [
  { name: 'overall', slice: report.overall },
  ...LANGS.map((lang) => ({ name: lang, slice: report.byLang[lang] })),
];
for (const { name, slice } of pictures)
  writeFileSync(
    join(outDir, `confusion-${name}.svg`),
    confusionSvg(slice.confusion, `Confusion matrix: ${name} (dev set)`),
  );
writeFileSync(
  join(outDir, 'report.json'),
  `${JSON.stringify({ ...report, portalMessages: portal, detailQuestions: details, longMessages: longMessages.report }, null, 2)}\n`,
);
writeFileSync(
  join(outDir, 'report.html'),
  evaluationHtml(
    report,
    portal,
    pictures.map((p) => p.name),
    longMessages,
  ),
);
console.log(summaryTable(report, portal));
console.log(`\n${longMessages.title}:\n${longMessagesTable(longMessages.report)}`);
console.log(`\nDetail questions (${detailSplit} set), answered through the bot's views:\n${detailTable(details)}`);
console.log(`\nreport: ${join(outDir, 'report.html')}`);
