/**
 * `node --require tsx/cjs bench/nlu/stagesNlu.ts`: the classifier's pipeline stage by stage, timed as
 * bench:nlu times the whole (first pass over the development set after 50 questions of warm-up, the stems of
 * the training words already met as training meets them), so a change can be measured where it acts.
 */
import { LANGS } from '../../src/i18n/locales';
import { createClassifier, QUESTION_WEIGHT } from '../../src/nlu/classifier';
import { extractEntitiesFromForm } from '../../src/nlu/entities';
import { features } from '../../src/nlu/features';
import { IntentScorer } from '../../src/nlu/intentScorer';
import { compileLanguageModel, identifyNormalizedLanguage } from '../../src/nlu/languageId';
import { percentile } from '../../src/nlu/evaluation/metrics';
import { loadNluModel } from '../../src/nlu/modelStore';
import { foldNormalized, normalizeText } from '../../src/nlu/normalize';
import { matchPortalMessageForm } from '../../src/nlu/portalMessageMatcher';
import { questionSentence } from '../../src/nlu/questionSentence';
import { decideIntent } from '../../src/nlu/rejection';
import { softmax } from '../../src/nlu/softmaxModel';
import { readUtterances } from '../../src/nlu/utterances';

const model = loadNluModel();
const train = readUtterances('train');
const dev = readUtterances('dev');
// Training runs features() over every training text: the stems it meets are remembered process-wide.
if (!process.argv.includes('--cold')) for (const u of train) features(u.text, u.lang);

const STAGES = ['normalize', 'language', 'score', 'question', 'softmax', 'decide', 'portal', 'entities'] as const;
const now = () => Number(process.hrtime.bigint()) / 1000;

function stages(): void {
  const languages = compileLanguageModel(model.language);
  const scorer = new IntentScorer(model.intents, model.words);
  const times = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<string, number[]>;
  const run = (text: string, record: boolean) => {
    let t = now();
    const lap = (stage: string) => {
      const next = now();
      if (record) times[stage]?.push(next - t);
      t = next;
    };
    const started = t;
    const normalized = normalizeText(text);
    const form = foldNormalized(normalized);
    lap('normalize');
    const language = identifyNormalizedLanguage(normalized, languages);
    lap('language');
    const scores = scorer.score(normalized, language.lang);
    lap('score');
    const question = questionSentence(text);
    const asked = question ? scorer.score(normalizeText(question), language.lang) : undefined;
    lap('question');
    const whole = softmax(scores.logits, model.intents.temperature);
    const probabilities = asked
      ? whole.map(
          (p, i) =>
            (1 - QUESTION_WEIGHT) * p + QUESTION_WEIGHT * (softmax(asked.logits, model.intents.temperature)[i] ?? 0),
        )
      : whole;
    lap('softmax');
    decideIntent(probabilities, scores.knownShare, model.rejection);
    lap('decide');
    matchPortalMessageForm(form);
    lap('portal');
    extractEntitiesFromForm(form);
    lap('entities');
    if (record) (times.total as number[]).push(t - started);
  };
  for (const u of dev.slice(0, 50)) run(u.text, false);
  for (const pass of ['first pass', 'second pass']) {
    for (const stage of [...STAGES, 'total']) times[stage] = [];
    for (const u of dev) run(u.text, true);
    // The questions around the median of the whole: what their time is made of.
    const total = times.total as number[];
    const order = total.map((_, i) => i).sort((a, b) => (total[a] as number) - (total[b] as number));
    const middle = order.slice(Math.floor(order.length * 0.4), Math.ceil(order.length * 0.6));
    console.log(
      `${pass}, the 40th-60th percentile questions (mean µs): ` +
        STAGES.map((s) => `${s} ${mean(middle.map((i) => times[s]?.[i] ?? 0)).toFixed(2)}`).join(', '),
    );
    console.log(
      `${pass}: ` + STAGES.map((s) => `${s} ${percentile(times[s] ?? [], 50).toFixed(2)}`).join(', ') + ' (p50 µs)',
    );
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

function whole(): void {
  const classifier = createClassifier(model);
  for (const u of dev.slice(0, 50)) classifier.classify(u.text);
  const latencies: number[] = [];
  for (const u of dev) {
    const t0 = now();
    classifier.classify(u.text);
    latencies.push(now() - t0);
  }
  const second: number[] = [];
  for (const u of dev) {
    const t0 = now();
    classifier.classify(u.text);
    second.push(now() - t0);
  }
  console.log(
    `whole first pass p50 ${percentile(latencies, 50).toFixed(2)} p90 ${percentile(latencies, 90).toFixed(2)} mean ${mean(latencies).toFixed(2)}; ` +
      `second pass p50 ${percentile(second, 50).toFixed(2)} (${LANGS.length} languages, ${dev.length} questions)`,
  );
}

if (process.argv.includes('--stages')) stages();
else whole();
