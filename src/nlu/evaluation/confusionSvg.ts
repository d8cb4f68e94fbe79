/** A confusion matrix as an SVG picture: rows expected, columns predicted, darker cells for more questions. */
import { escapeUTF8 } from 'entities';
import type { Confusion } from './metrics';

const CELL = 34;
const LABEL_WIDTH = 230;
const HEADER_HEIGHT = 200;

export function confusionSvg({ labels, matrix }: Confusion, title: string): string {
  const size = labels.length * CELL;
  const width = LABEL_WIDTH + size + 20;
  const height = HEADER_HEIGHT + size + 40;
  const max = Math.max(1, ...matrix.flat());
  const cells = matrix.flatMap((row, r) =>
    row.map((count, c) => {
      const x = LABEL_WIDTH + c * CELL;
      const y = HEADER_HEIGHT + r * CELL;
      const intensity = count / max;
      const fill =
        r === c
          ? `rgba(16,124,16,${0.12 + 0.88 * intensity})`
          : count
            ? `rgba(196,43,28,${0.25 + 0.75 * intensity})`
            : '#fafafa';
      const text = count
        ? `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 4}" text-anchor="middle" font-size="11" fill="${intensity > 0.5 ? '#fff' : '#222'}">${count}</text>`
        : '';
      return `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill}" stroke="#ddd"/>${text}`;
    }),
  );
  const rowLabels = labels.map(
    (label, i) =>
      `<text x="${LABEL_WIDTH - 6}" y="${HEADER_HEIGHT + i * CELL + CELL / 2 + 4}" text-anchor="end" font-size="12">${escapeUTF8(label)}</text>`,
  );
  const columnLabels = labels.map((label, i) => {
    const x = LABEL_WIDTH + i * CELL + CELL / 2 + 4;
    return `<text x="${x}" y="${HEADER_HEIGHT - 6}" font-size="12" transform="rotate(-60 ${x} ${HEADER_HEIGHT - 6})">${escapeUTF8(label)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Segoe UI, system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="600">${escapeUTF8(title)}</text>`,
    `<text x="10" y="42" font-size="11" fill="#555">rows: expected intent, columns: predicted intent</text>`,
    ...rowLabels,
    ...columnLabels,
    ...cells,
    '</svg>',
  ].join('\n');
}
