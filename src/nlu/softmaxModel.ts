/**
 * A multinomial logistic regression (softmax) over sparse features, trained with AdaGrad. Chosen over
 * natural's LogisticRegressionClassifier, which takes minutes on this data (bench/ has the numbers): this one
 * trains on the whole corpus in well under a second and gives probabilities that can be calibrated.
 */
import type { FeatureVector } from './features';

export interface SoftmaxModel {
  labels: string[];
  /** Feature name → column. */
  vocabulary: Record<string, number>;
  /** weights[label][column] */
  weights: number[][];
  bias: number[];
  /** The temperature that calibrates the probabilities (found by cross-validation). */
  temperature: number;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/** A small deterministic random generator, so training is repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainSoftmax(
  examples: readonly { vector: FeatureVector; label: string }[],
  labels: readonly string[],
  options: TrainingOptions = {},
): SoftmaxModel {
  const { epochs = 30, learningRate = 0.4, l2 = 1e-5, seed = 7 } = options;
  const vocabulary: Record<string, number> = {};
  let columns = 0;
  for (const { vector } of examples)
    for (const name of vector.keys()) if (!(name in vocabulary)) vocabulary[name] = columns++;

  const classes = labels.length;
  const weights = Array.from({ length: classes }, () => new Float64Array(columns));
  const gradSquares = Array.from({ length: classes }, () => new Float64Array(columns).fill(1e-8));
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes).fill(1e-8);
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const rows = examples.map(({ vector, label }) => ({
    columns: [...vector.keys()].map((name) => vocabulary[name] as number),
    values: [...vector.values()],
    target: labelIndex.get(label) ?? -1,
  }));
  const random = mulberry32(seed);
  const order = rows.map((_, i) => i);
  const probabilities = new Float64Array(classes);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const row = rows[index];
      if (!row || row.target < 0) continue;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) {
        let z = bias[c] as number;
        const w = weights[c] as Float64Array;
        for (let k = 0; k < row.columns.length; k++)
          z += (w[row.columns[k] as number] as number) * (row.values[k] as number);
        probabilities[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += probabilities[c] = Math.exp((probabilities[c] as number) - max);
      for (let c = 0; c < classes; c++) {
        const error = (probabilities[c] as number) / sum - (c === row.target ? 1 : 0);
        const w = weights[c] as Float64Array;
        const g2 = gradSquares[c] as Float64Array;
        for (let k = 0; k < row.columns.length; k++) {
          const col = row.columns[k] as number;
          const grad = error * (row.values[k] as number) + l2 * (w[col] as number);
          g2[col] = (g2[col] as number) + grad * grad;
          w[col] = (w[col] as number) - (learningRate * grad) / Math.sqrt(g2[col]);
        }
        biasSquares[c] = (biasSquares[c] as number) + error * error;
        bias[c] = (bias[c] as number) - (learningRate * error) / Math.sqrt(biasSquares[c] as number);
      }
    }
  }
  return {
    labels: [...labels],
    vocabulary,
    weights: weights.map((w) => Array.from(w, (x) => Math.round(x * 1e5) / 1e5)),
    bias: Array.from(bias),
    temperature: 1,
  };
}

/** The model laid out for fast scoring: each feature's weights for all labels side by side. */
export interface CompiledSoftmax {
  model: SoftmaxModel;
  columns: Map<string, Float64Array>;
  bias: Float64Array;
}

export function compileSoftmax(model: SoftmaxModel): CompiledSoftmax {
  const columns = new Map<string, Float64Array>();
  for (const [name, col] of Object.entries(model.vocabulary)) {
    columns.set(
      name,
      Float64Array.from(model.labels, (_, c) => model.weights[c]?.[col] ?? 0),
    );
  }
  return { model, columns, bias: Float64Array.from(model.bias) };
}

/** The raw scores (logits) of every label for one feature vector. */
export function logits(compiled: CompiledSoftmax, vector: FeatureVector): number[] {
  const scores = Float64Array.from(compiled.bias);
  for (const [name, value] of vector) {
    const column = compiled.columns.get(name);
    if (!column) continue;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (column[c] as number) * value;
  }
  return Array.from(scores);
}

/** Probabilities from logits at a temperature (1 = as trained; the model's calibrated one by default). */
export function softmax(scores: readonly number[], temperature = 1): number[] {
  // Loops instead of Math.max(...scores), map and reduce: the same operations in the same order.
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] as number);
  const exps = new Array<number>(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += exps[i] = Math.exp(((scores[i] as number) - max) / temperature);
  for (let i = 0; i < exps.length; i++) exps[i] = (exps[i] as number) / sum;
  return exps;
}

/** The share of a question's word features the model has seen in training (0 when it has no words). */
export function knownShare(compiled: CompiledSoftmax, vector: FeatureVector): number {
  let words = 0;
  let known = 0;
  for (const name of vector.keys()) {
    if (!name.startsWith('w:')) continue;
    words++;
    if (compiled.columns.has(name)) known++;
  }
  return words ? known / words : 0;
}
