/** Vitest global setup: makes sure generated/nlu-model.json is trained on the current data before tests run. */
import { loadNluModel, ModelUnavailableError, saveNluModel } from '../../src/nlu/modelStore';
import { trainNluModel } from '../../src/nlu/trainNluModel';
import { readUtterances } from '../../src/nlu/utterances';

export default function setup(): void {
  try {
    loadNluModel();
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    saveNluModel(trainNluModel(readUtterances('train')));
  }
}
