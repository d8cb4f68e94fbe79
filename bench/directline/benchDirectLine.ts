/**
 * `npx tsx bench/directline/benchDirectLine.ts [messages] [sqlite|memory]`: how fast a reply shows up over the
 * WebSocket. Starts the real app on loopback in its own process (benchServer.ts; SQLite in a temporary file by
 * default, as `npm start` stores), gets a token from /api/webchat/token, starts a conversation, sends the
 * development questions of the four languages one after another over REST as Web Chat does, and times each from
 * the POST until the bot's reply (replyToId = the echoed message) arrives on the socket; also the echo itself.
 * Prints p50/p99 and writes bench/reports/directline.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { PROJECT_ROOT, contentPath } from '../../src/contentPath';
import { percentile } from '../../src/nlu/evaluation/metrics';

const WARM_UP = 10;

interface Sample {
  echoMs: number;
  replyMs: number;
}

type Activity = { id: string; replyToId?: string; channelData?: { clientActivityID?: string } };

/** The development questions of all four languages, interleaved. */
function questions(): string[] {
  const perLanguage = ['en', 'ru', 'pt', 'fr'].map((lang) =>
    Object.values(
      JSON.parse(readFileSync(contentPath('nlu', 'dev', `${lang}.json`), 'utf8')) as Record<string, string[]>,
    ).flat(),
  );
  const longest = Math.max(...perLanguage.map((texts) => texts.length));
  return Array.from({ length: longest }, (_, i) => perLanguage.map((texts) => texts[i]))
    .flat()
    .filter((t): t is string => Boolean(t));
}

async function bench(messages: number, storage: 'memory' | 'sqlite'): Promise<Sample[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-directline-'));
  const storageUrl = storage === 'sqlite' ? `sqlite:${join(folder, 'bot.db')}` : 'memory:';
  const server = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'benchServer.ts'), storageUrl], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const { url } = await new Promise<{ url: string }>((resolve, reject) => {
      createInterface({ input: server.stdout }).once('line', (line) => resolve(JSON.parse(line) as { url: string }));
      server.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
    });
    const { token } = (await (await fetch(`${url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const started = (await (
      await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers, body: '{"locale":"en-US"}' })
    ).json()) as { conversationId: string; streamUrl: string };
    const socket = new WebSocket(started.streamUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

    let pending:
      | { clientActivityID: string; t0: number; echoAt?: number; echoId?: string; done: (sample: Sample) => void }
      | undefined;
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      if (!text || !pending) return;
      const now = performance.now();
      for (const activity of (JSON.parse(text) as { activities: Activity[] }).activities) {
        if (activity.channelData?.clientActivityID === pending.clientActivityID)
          [pending.echoAt, pending.echoId] = [now, activity.id];
        else if (pending.echoId && activity.replyToId === pending.echoId) {
          const { t0, echoAt = now, done } = pending;
          pending = undefined;
          done({ echoMs: echoAt - t0, replyMs: now - t0 });
          return;
        }
      }
    });

    const texts = questions();
    const samples: Sample[] = [];
    for (let i = 0; i < messages + WARM_UP; i++) {
      const clientActivityID = `bench-${i}`;
      const body = JSON.stringify({
        type: 'message',
        text: texts[i % texts.length],
        locale: 'en-US',
        from: { id: 'bench' },
        channelData: { clientActivityID },
      });
      const sample = await new Promise<Sample>((resolve, reject) => {
        pending = { clientActivityID, t0: performance.now(), done: resolve };
        fetch(`${url}/v3/directline/conversations/${started.conversationId}/activities`, {
          method: 'POST',
          headers,
          body,
        }).then((r) => r.arrayBuffer(), reject);
      });
      if (i >= WARM_UP) samples.push(sample);
    }
    socket.close();
    return samples;
  } finally {
    server.stdin.end();
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  }
}

function report(samples: readonly Sample[], storage: string): string {
  const row = (name: string, values: number[]) =>
    `| ${name} | ${percentile(values, 50).toFixed(1)} ms | ${percentile(values, 99).toFixed(1)} ms | ${Math.max(...values).toFixed(1)} ms |`;
  return [
    `Reply visible over the WebSocket after POST …/activities: ${samples.length} messages in one conversation, one at a time ` +
      `(after ${WARM_UP} warm-up messages), storage ${storage}, client and server in separate processes on loopback, ` +
      `${cpus().length} CPUs (load average ${loadavg()[0]?.toFixed(1)} at the end), Node ${process.version}.`,
    '',
    '| from POST to | p50 | p99 | max |',
    '|---|---:|---:|---:|',
    row(
      'echo of the message on the socket',
      samples.map((s) => s.echoMs),
    ),
    row(
      "bot's reply on the socket",
      samples.map((s) => s.replyMs),
    ),
  ].join('\n');
}

if (require.main === module) {
  const messages = Number(process.argv[2] ?? 200);
  const storage = process.argv[3] === 'memory' ? 'memory' : 'sqlite';
  void bench(messages, storage).then((samples) => {
    const markdown = report(samples, storage);
    const dir = join(PROJECT_ROOT, 'bench', 'reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'directline.md'),
      `# Direct Line benchmark\n\n${markdown}\n\nGoal: under 100 ms (the 1 s polling of typical self-hosted Direct Line stand-ins is what it replaces).\n`,
    );
    console.log(markdown);
  });
}
