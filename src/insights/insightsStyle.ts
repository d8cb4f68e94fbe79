/** The insights page's style sheet (sent inline with the response's nonce): layout, tiles and the charts' colours. */
export const INSIGHTS_CSS = `
  :root { --text: #1f1f1f; --muted: #616161; --line: #e0e0e0; --panel: #fafafa; --answered: #2e7d32; --clarify: #f9a825; --rejected: #c62828; --new: #1565c0; --assigned: #f9a825; --resolved: #2e7d32; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--text); background: #fff; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 26px; margin: 0 0 4px; }
  h2 { font-size: 18px; margin: 28px 0 8px; }
  header p { color: var(--muted); margin: 0 0 12px; }
  .choices { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 6px 0; }
  .choices-label { color: var(--muted); min-width: 130px; }
  .choices ul { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
  .choices a { display: inline-block; padding: 2px 10px; border: 1px solid var(--line); border-radius: 12px; color: var(--text); text-decoration: none; }
  .choices a[aria-current] { background: var(--text); border-color: var(--text); color: #fff; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin-top: 16px; }
  .tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; border-top: 4px solid var(--line); }
  .tile.k-answered { border-top-color: var(--answered); }
  .tile.k-clarify { border-top-color: var(--clarify); }
  .tile.k-rejected { border-top-color: var(--rejected); }
  .tile-label { color: var(--muted); font-size: 13px; }
  .tile-value { font-size: 28px; font-weight: 600; }
  .tile-note { color: var(--muted); font-size: 13px; }
  .tile .bar { max-width: 100%; margin-top: 4px; }
  .chart { width: 100%; height: auto; display: block; }
  .grid { stroke: var(--line); }
  .axis { fill: var(--muted); font-size: 11px; }
  .track { fill: #eeeeee; }
  .s-answered, .t-resolved { fill: var(--answered); background: var(--answered); }
  .s-clarify, .t-assigned { fill: var(--clarify); background: var(--clarify); }
  .s-rejected { fill: var(--rejected); background: var(--rejected); }
  .t-new { fill: var(--new); background: var(--new); }
  .legend { display: flex; gap: 16px; list-style: none; margin: 0 0 6px; padding: 0; color: var(--muted); font-size: 13px; }
  .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
  thead th { color: var(--muted); font-weight: 600; font-size: 13px; }
  td { font-variant-numeric: tabular-nums; }
  .bar-cell { white-space: nowrap; }
  .bar { vertical-align: middle; }
  .numbers { color: var(--muted); font-size: 13px; margin-left: 6px; }
  .rejected td:first-child { white-space: pre-wrap; word-break: break-word; }
  .empty, .note { color: var(--muted); }
  .problem { color: var(--rejected); }
`;
