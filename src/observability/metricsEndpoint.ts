/**
 * GET /metrics in Prometheus text. With METRICS_TOKEN set it needs `Authorization: Bearer <token>` (compared in
 * constant time); without, only requests from this machine get it, and not those a reverse proxy on this machine
 * forwarded (they carry a forwarding header; TRUST_PROXY, which says there is a proxy, requires the token).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackUrl } from '../server/isLoopbackUrl';
import { sendJson } from '../server/sendJson';
import type { Metrics } from './metrics';

/** Headers a reverse proxy adds: a request that carries one came from further away than its loopback socket. */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'via',
  'true-client-ip',
  'x-client-ip',
  'cf-connecting-ip',
  'x-cluster-client-ip',
];

const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsEndpoint(metrics: Metrics, token: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (token) {
      const given = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      if (!timingSafeEqual(digest(given), digest(token)))
        return sendJson(res, 401, { error: { code: 'Unauthorized', message: 'A metrics token is required.' } });
    } else if (
      !isLoopbackUrl(`http://${formatHost(req.socket.remoteAddress ?? '')}/`) ||
      FORWARDING_HEADERS.some((name) => name in req.headers)
    ) {
      return sendJson(res, 403, {
        error: {
          code: 'Forbidden',
          message: 'Metrics are served to this machine only (set METRICS_TOKEN to open them).',
        },
      });
    }
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  };
}

/** An address as a URL host: IPv6 in brackets, IPv4-mapped IPv6 as plain IPv4. */
function formatHost(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  return address.includes(':') ? `[${address}]` : address;
}
