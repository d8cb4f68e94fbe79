/**
 * The trained model on disk: a model saved and loaded back classifies exactly like the one still in memory
 * (nothing the classifier needs, such as the stemmer's language, may live only in memory), and a model built by
 * other feature code or from other training data is refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/nlu/classifier';
import { FEATURE_VERSION } from '../../src/nlu/features';
import { loadNluModel, MODEL_PATH, ModelUnavailableError, saveNluModel } from '../../src/nlu/modelStore';
import type { NluModel } from '../../src/nlu/nluModel';
import { trainNluModel } from '../../src/nlu/trainNluModel';
import { readUtterances } from '../../src/nlu/utterances';

const dir = mkdtempSync(join(tmpdir(), 'nlu-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a saved and restored model', () => {
  let trained: NluModel;
  let restored: NluModel;
  beforeAll(() => {
    trained = trainNluModel(readUtterances('train'));
    const path = join(dir, 'model.json');
    saveNluModel(trained, path);
    restored = loadNluModel(path);
  }, 120_000);

  it('classifies every question exactly like the model in memory, in all four languages', () => {
    const texts = [
      ...readUtterances('dev').map((u) => u.text),
      'incidnets remainig',
      'Где Access ID в Partner Center?',
      'Quantos incidentes on-premises um parceiro Gold recebe?',
      'Combien d’incidents sur site un partenaire Gold obtient-il ?',
    ];
    const [inMemory, fromDisk] = [createClassifier(trained), createClassifier(restored)];
    const differing = texts.filter(
      (text) => JSON.stringify(inMemory.classify(text)) !== JSON.stringify(fromDisk.classify(text)),
    );
    expect(differing.length).toBe(0);
  });

  it('classifies the same with the channel hints too', () => {
    const [inMemory, fromDisk] = [createClassifier(trained), createClassifier(restored)];
    for (const hints of [{ locale: 'pt' }, { conversation: 'fr' }, { conversation: 'ru', locale: 'ru' }] as const) {
      expect(fromDisk.classify('Gold', hints)).toEqual(inMemory.classify('Gold', hints));
    }
  });
});

describe('a stale model', () => {
  const current = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as NluModel;
  const writeFile = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const writeVariant = (name: string, change: Partial<NluModel>) =>
    writeFile(name, JSON.stringify({ ...current, ...change }));

  it('is refused when built with another feature version', () => {
    expect(() => loadNluModel(writeVariant('old-features.json', { featureVersion: FEATURE_VERSION + 1 }))).toThrow(
      ModelUnavailableError,
    );
    expect(() => loadNluModel(writeVariant('old-features.json', { featureVersion: FEATURE_VERSION + 1 }))).toThrow(
      /feature version/,
    );
  });

  it('is refused when trained on other data', () => {
    expect(() => loadNluModel(writeVariant('old-data.json', { dataHash: '0000000000000000' }))).toThrow(
      ModelUnavailableError,
    );
    expect(() => loadNluModel(writeVariant('old-data.json', { dataHash: '0000000000000000' }))).toThrow(/other data/);
  });

  it('is reported as unavailable, with its cause, when the file is missing or not JSON', () => {
    for (const path of [join(dir, 'missing.json'), writeFile('broken.json', '{ not json')]) {
      let error: unknown;
      try {
        loadNluModel(path);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect((error as Error).cause).toBeDefined();
    }
  });

  it('accepts the current model', () => {
    expect(loadNluModel(writeVariant('current.json', {})).dataHash).toBe(current.dataHash);
  });
});
