/** Classification metrics: confusion matrix, per-label precision and recall, macro-F1, percentiles. */

export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Confusion {
  labels: string[];
  /** matrix[expected][predicted] */
  matrix: number[][];
}

export function confusion(
  pairs: readonly { expected: string; predicted: string }[],
  labels: readonly string[],
): Confusion {
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const { expected, predicted } of pairs) {
    const row = matrix[index.get(expected) ?? -1];
    const col = index.get(predicted);
    if (row && col !== undefined) row[col] = (row[col] ?? 0) + 1;
  }
  return { labels: [...labels], matrix };
}

export function labelScores({ labels, matrix }: Confusion): LabelScores[] {
  return labels.map((label, i) => {
    const truePositives = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, row) => sum + (row[i] ?? 0), 0);
    const precision = predicted ? truePositives / predicted : 0;
    const recall = support ? truePositives / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
}

/** The mean F1 over the labels that occur in the data. */
export function macroF1(scores: readonly LabelScores[]): number {
  const present = scores.filter((s) => s.support > 0);
  return present.reduce((sum, s) => sum + s.f1, 0) / (present.length || 1);
}

/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
