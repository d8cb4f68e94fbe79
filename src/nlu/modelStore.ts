/** Where the trained NLU model lives (generated/nlu-model.json), and loading it with its freshness checked. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';
import { FEATURE_VERSION } from './features';
import type { NluModel } from './nluModel';
import { dataHash } from './trainNluModel';
import { readUtterances } from './utterances';

export const MODEL_PATH = join(PROJECT_ROOT, 'generated', 'nlu-model.json');

export class ModelUnavailableError extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(`${reason}: run \`npm run train\` (npm start and npm test run it for you)`, options);
    this.name = 'ModelUnavailableError';
  }
}

export function saveNluModel(model: NluModel, path = MODEL_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(model));
}

/** Reads the model and refuses one built by other feature code or from other training data. */
export function loadNluModel(path = MODEL_PATH): NluModel {
  let model: NluModel;
  try {
    model = JSON.parse(readFileSync(path, 'utf8')) as NluModel;
  } catch (error) {
    throw new ModelUnavailableError(`no NLU model at ${path}`, { cause: error });
  }
  if (model.featureVersion !== FEATURE_VERSION) {
    throw new ModelUnavailableError(
      `the NLU model was built with feature version ${model.featureVersion}, the code has ${FEATURE_VERSION}`,
    );
  }
  if (model.dataHash !== dataHash(readUtterances('train'))) {
    throw new ModelUnavailableError('the NLU model was trained on other data than content/nlu/train');
  }
  return model;
}
