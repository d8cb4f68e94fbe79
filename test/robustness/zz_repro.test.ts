import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startHarness, postJson } from './support/appHarness';
it('repro', async () => {
  const h = await startHarness();
  const body = readFileSync('/tmp/last-body.json', 'utf8').replace(/http:\/\/127\.0\.0\.1:\d+\//g, h.connector.serviceUrl);
  console.log(body.slice(0, 3000));
    const n = h.logs.lines.length;
    const r = await postJson(h.url, '/api/messages', body);
    console.log(r.status, r.text);
    for (const l of h.logs.lines.slice(n)) { const e = JSON.parse(l); console.log('  LOG', e.msg, e.err?.message, (e.err?.stack ?? '').split('\\n').slice(0,8).join(' | ')); }
  await h.close();
});
