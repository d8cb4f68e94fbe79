/** GET /healthz (the process answers) and GET /readyz (storage reachable, NLU model and knowledge loaded). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './sendJson';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export function healthz() {
  return (_req: IncomingMessage, res: ServerResponse): void => sendJson(res, 200, { status: 'ok' });
}

export function readyz(checks: readonly ReadinessCheck[]) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const results = await Promise.all(
      checks.map(async (readiness) => [readiness.name, await readiness.check().catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  };
}
