/**
 * The insights' charts as SVG drawn on the server: no script, nothing fetched, so they work offline and under the
 * pages' Content-Security-Policy (colours come from classes of the page's style sheet, never style attributes).
 * Every bar carries a <title> with its number, and the page shows the numbers beside each chart too.
 */
import { escapeUTF8 } from 'entities';

export interface Series {
  /** The CSS class of its colour (`s-answered`, …). */
  className: string;
  label: string;
}

export interface Column {
  /** What the x axis shows under it (may be empty) and its full name (the tooltip). */
  tick: string;
  name: string;
  values: number[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A "nice" top for an axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function axisTop(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= max) as number;
}

/**
 * Stacked columns, one per day, the series stacked bottom up in order.
 * @example stackedColumns('Questions per day', [{ className: 's-answered', label: 'Answered' }], columns, (n) => n.toString())
 */
export function stackedColumns(
  title: string,
  series: readonly Series[],
  columns: readonly Column[],
  format: (n: number) => string,
): string {
  const [width, height, left, bottom, top] = [760, 220, 40, 24, 8];
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - top;
  const axis = axisTop(Math.max(0, ...columns.map((c) => c.values.reduce((a, b) => a + b, 0))));
  const slot = plotWidth / Math.max(1, columns.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => top + plotHeight - (value / axis) * plotHeight;
  // Counts are whole: the middle line only where it is a whole number.
  const grid = (Number.isInteger(axis / 2) ? [0, axis / 2, axis] : [0, axis])
    .map(
      (value) =>
        `<line class="grid" x1="${left}" x2="${width - 8}" y1="${round(y(value))}" y2="${round(y(value))}"/><text class="axis" x="${left - 6}" y="${round(y(value)) + 4}" text-anchor="end">${escapeUTF8(format(value))}</text>`,
    )
    .join('');
  const bars = columns
    .map((column, index) => {
      const x = round(left + index * slot + (slot - barWidth) / 2);
      let base = 0;
      const rects = column.values
        .map((value, s) => {
          if (!value) return '';
          const rect = `<rect class="${series[s]?.className ?? ''}" x="${x}" y="${round(y(base + value))}" width="${round(barWidth)}" height="${round(y(base) - y(base + value))}"><title>${escapeUTF8(`${column.name} · ${series[s]?.label ?? ''}: ${format(value)}`)}</title></rect>`;
          base += value;
          return rect;
        })
        .join('');
      const tick = column.tick
        ? `<text class="axis" x="${round(x + barWidth / 2)}" y="${height - 6}" text-anchor="middle">${escapeUTF8(column.tick)}</text>`
        : '';
      return rects + tick;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeUTF8(title)}">${grid}${bars}</svg>`;
}

/**
 * One horizontal bar split by shares of its total (a 100% bar), each part titled with its number; an empty total
 * draws an empty track.
 */
export function shareBar(
  parts: readonly { className: string; label: string; value: number }[],
  format: (n: number) => string,
): string {
  const [width, height] = [240, 16];
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let x = 0;
  const rects = total
    ? parts
        .map((part) => {
          if (!part.value) return '';
          const w = (part.value / total) * width;
          const rect = `<rect class="${part.className}" x="${round(x)}" y="0" width="${round(w)}" height="${height}"><title>${escapeUTF8(`${part.label}: ${format(part.value)}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('')
    : '';
  const label = parts.map((part) => `${part.label}: ${format(part.value)}`).join(', ');
  return `<svg class="bar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeUTF8(label)}"><rect class="track" x="0" y="0" width="${width}" height="${height}"/>${rects}</svg>`;
}
