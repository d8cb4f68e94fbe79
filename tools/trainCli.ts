/**
 * `npm run train [-- --force]`: trains the NLU model on content/nlu/train and writes generated/nlu-model.json,
 * unless the model there is already trained on the current data with the current features.
 */
import { loadNluModel, MODEL_PATH, ModelUnavailableError, saveNluModel } from '../src/nlu/modelStore';
import { trainNluModel } from '../src/nlu/trainNluModel';
import { readUtterances } from '../src/nlu/utterances';

function isFresh(): boolean {
  try {
    loadNluModel();
    return true;
  } catch (error) {
    if (error instanceof ModelUnavailableError) return false;
    throw error;
  }
}

if (!process.argv.includes('--force') && isFresh()) {
  console.log(`nlu model: up to date (${MODEL_PATH}); --force retrains`);
} else {
  const started = performance.now();
  const train = readUtterances('train');
  const model = trainNluModel(train);
  saveNluModel(model);
  const { calibration: c, rejection: r } = model;
  console.log(
    `nlu model: ${train.length} utterances, ${Object.keys(model.intents.vocabulary).length} features, ` +
      `temperature ${model.intents.temperature}, reject below p=${r.minConfidence} margin=${r.minMargin} known=${r.minKnownShare} ` +
      `(cv: accuracy ${(c.accuracy * 100).toFixed(1)}%, oos recall ${(c.outOfScopeRecall * 100).toFixed(1)}%, ` +
      `in-scope rejected ${(c.inScopeRejected * 100).toFixed(1)}%) in ${Math.round(performance.now() - started)} ms -> ${MODEL_PATH}`,
  );
}
