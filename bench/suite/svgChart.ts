/**
 * Small self-drawn SVG charts for the benchmark report (no plotting dependency): a line chart with axes, ticks,
 * labels and an optional horizontal reference line, and a horizontal bar chart.
 */
import { escapeUTF8 } from 'entities';

export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** A dashed horizontal line, e.g. a goal. */
  reference?: { y: number; label: string };
  /** Start the y axis at zero (default true). */
  yFromZero?: boolean;
  width?: number;
  height?: number;
}

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar; default the value. */
  text?: string;
  color?: string;
}

const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#8250df'];
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';

/** "Nice" tick values (1, 2, 2.5 or 5 × 10^k apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if ((ticks[0] ?? min) > min) ticks.unshift((ticks[0] ?? min) - step);
  if ((ticks[ticks.length - 1] ?? max) < max) ticks.push((ticks[ticks.length - 1] ?? max) + step);
  return ticks;
}

const formatTick = (v: number) =>
  Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : String(Number(v.toFixed(2)));

/** @example lineChart({ title: 'RSS', xLabel: 'time (s)', yLabel: 'RSS (MB)', series: [{ name: 'bot', points: [[0, 90], [5, 95]] }] }) */
export function lineChart(options: LineChartOptions): string {
  const width = options.width ?? 860;
  const height = options.height ?? 460;
  const margin = { top: 48, right: 24, bottom: 58, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const points = options.series.flatMap((s) => s.points);
  const xs = points.map(([x]) => x);
  const ys = [...points.map(([, y]) => y), ...(options.reference ? [options.reference.y] : [])];
  // The x axis spans the data exactly (a time series should not end in a blank stretch); y gets nice bounds.
  const [xMin, xMax] = [Math.min(...xs, 0), Math.max(...xs, 1)];
  const xTicks = niceTicks(xMin, xMax).filter((x) => x >= xMin && x <= xMax);
  const yMinData = options.yFromZero === false ? Math.min(...ys) : Math.min(0, ...ys);
  const yTicks = niceTicks(yMinData, Math.max(...ys, yMinData + 1));
  const [x0, x1] = [xMin, xMax];
  const [y0, y1] = [yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1];
  const px = (x: number) => margin.left + ((x - x0) / (x1 - x0 || 1)) * plotW;
  const py = (y: number) => margin.top + plotH - ((y - y0) / (y1 - y0 || 1)) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="600">${escapeUTF8(options.title)}</text>`,
  ];
  for (const y of yTicks) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e7eb"/>`);
    parts.push(
      `<text x="${margin.left - 8}" y="${py(y) + 4}" text-anchor="end" fill="#374151">${formatTick(y)}</text>`,
    );
  }
  for (const x of xTicks) {
    parts.push(
      `<line x1="${px(x)}" x2="${px(x)}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="#374151"/>`,
    );
    parts.push(
      `<text x="${px(x)}" y="${margin.top + plotH + 20}" text-anchor="middle" fill="#374151">${formatTick(x)}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#374151"/>`,
  );
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#374151"/>`,
  );
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle" font-size="13">${escapeUTF8(options.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(20 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="13">${escapeUTF8(options.yLabel)}</text>`,
  );
  if (options.reference) {
    const y = py(options.reference.y);
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#9a6700" stroke-dasharray="6 4"/>`,
    );
    parts.push(
      `<text x="${margin.left + plotW - 4}" y="${y - 6}" text-anchor="end" fill="#9a6700">${escapeUTF8(options.reference.label)}</text>`,
    );
  }
  options.series.forEach((series, i) => {
    const color = series.color ?? COLORS[i % COLORS.length];
    const path = series.points.map(([x, y], j) => `${j ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const [x, y] of series.points)
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="2.5" fill="${color}"/>`);
    parts.push(`<rect x="${margin.left + 12}" y="${margin.top + 8 + i * 18}" width="12" height="3" fill="${color}"/>`);
    parts.push(`<text x="${margin.left + 30}" y="${margin.top + 13 + i * 18}">${escapeUTF8(series.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** @example barChart('Throughput', 'requests per second', [{ label: 'echo', value: 900 }, { label: 'bot', value: 700 }]) */
export function barChart(title: string, valueLabel: string, bars: readonly Bar[], width = 860): string {
  const rowH = 34;
  const margin = { top: 48, right: 110, bottom: 50, left: 190 };
  const plotW = width - margin.left - margin.right;
  const height = margin.top + margin.bottom + rowH * bars.length;
  const ticks = niceTicks(0, Math.max(1, ...bars.map((b) => b.value)));
  const max = ticks[ticks.length - 1] ?? 1;
  const px = (v: number) => margin.left + (v / max) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="600">${escapeUTF8(title)}</text>`,
  ];
  const bottom = margin.top + rowH * bars.length;
  for (const t of ticks) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${margin.top}" y2="${bottom}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${px(t)}" y="${bottom + 18}" text-anchor="middle" fill="#374151">${formatTick(t)}</text>`);
  }
  bars.forEach((bar, i) => {
    const y = margin.top + i * rowH + 6;
    parts.push(`<text x="${margin.left - 8}" y="${y + 15}" text-anchor="end">${escapeUTF8(bar.label)}</text>`);
    parts.push(
      `<rect x="${margin.left}" y="${y}" width="${Math.max(0, px(bar.value) - margin.left).toFixed(1)}" height="${rowH - 12}" fill="${bar.color ?? COLORS[i % COLORS.length]}"/>`,
    );
    parts.push(`<text x="${px(bar.value) + 6}" y="${y + 15}">${escapeUTF8(bar.text ?? formatTick(bar.value))}</text>`);
  });
  parts.push(`<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${bottom}" stroke="#374151"/>`);
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle" font-size="13">${escapeUTF8(valueLabel)}</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
