/** The SVG charts: axis tops, whole-number grid lines, one titled rect per non-zero value, escaped text. */
import { describe, expect, it } from 'vitest';
import { axisTop, shareBar, stackedColumns } from '../../src/insights/insightsCharts';

const series = [
  { className: 's-a', label: 'A' },
  { className: 's-b', label: 'B <b>' },
];

describe('insights charts', () => {
  it('tops an axis at 1, 2 or 5 times a power of ten, at least the largest value', () => {
    expect([0, 1, 3, 7, 10, 11, 260].map(axisTop)).toEqual([1, 1, 5, 10, 10, 20, 500]);
  });

  it('draws one rect per non-zero value, stacked, with its number in a title, and grid lines at whole numbers only', () => {
    const svg = stackedColumns(
      'Per day',
      series,
      [
        { tick: '11-01', name: 'Nov 1', values: [3, 0] },
        { tick: '', name: 'Nov 2', values: [2, 3] },
      ],
      String,
    );
    expect(svg.match(/<rect /g)?.length).toBe(3);
    expect(svg).toContain('<title>Nov 2 · B &lt;b&gt;: 3</title>');
    // The top is 5: lines at 0 and 5, none at 2.5.
    expect(svg.match(/class="grid"/g)?.length).toBe(2);
  });

  it('keeps a single-question chart to whole-number lines', () => {
    const svg = stackedColumns('Per day', series, [{ tick: 'x', name: 'x', values: [1, 0] }], String);
    expect([...svg.matchAll(/class="axis"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['0', '1', 'x']);
  });

  it('splits a share bar by the parts of its total, and draws an empty track for nothing', () => {
    const bar = shareBar(
      [
        { className: 's-a', label: 'A', value: 1 },
        { className: 's-b', label: 'B', value: 3 },
      ],
      String,
    );
    expect(bar).toMatch(/class="s-a" x="0" y="0" width="60"/);
    expect(bar).toMatch(/class="s-b" x="60" y="0" width="180"/);
    expect(shareBar([{ className: 's-a', label: 'A', value: 0 }], String).match(/<rect /g)?.length).toBe(1);
  });
});
