/**
 * One fixed URL path answered with one fixed body: a file read once (on first request) or content built at start.
 * Immutable caching for versioned vendor bundles, ETag revalidation (304) for the rest, gzip when the client
 * accepts it. There is no parameter in the path, so nothing from the URL can reach the file system.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Route } from '../server/createServer';
import type { Caching, WebAsset } from './webAssets';

const gzipAsync = promisify(gzip);

export interface StaticBody {
  contentType: string;
  caching: Caching;
  crossOrigin?: boolean;
  /** The bytes, or how to read them the first time they are asked for. */
  body: Buffer | (() => Buffer);
}

export const CACHE_CONTROL: Readonly<Record<Caching, string>> = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
};

/** Compressing a PNG gains nothing. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript))/;

/** A weak check of If-None-Match: any listed tag (or *) that equals ours. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim().replace(/^W\//, '');
    return trimmed === '*' || trimmed === etag;
  });
}

export function fileBody(asset: WebAsset): StaticBody {
  return {
    contentType: asset.contentType,
    caching: asset.caching,
    crossOrigin: asset.crossOrigin,
    body: () => readFileSync(asset.file),
  };
}

/**
 * @example staticRoute('/web/chat.js', { contentType: 'text/javascript; charset=utf-8', caching: 'revalidate', body: Buffer.from('…') })
 */
export function staticRoute(path: string, source: StaticBody): Route {
  let loaded: { body: Buffer; etag: string; gzipped?: Promise<Buffer> } | undefined;
  const load = () => {
    if (!loaded) {
      const body = typeof source.body === 'function' ? source.body() : source.body;
      loaded = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    return loaded;
  };
  const compressible = COMPRESSIBLE.test(source.contentType);

  return {
    method: 'get',
    path,
    async handle(req: IncomingMessage, res: ServerResponse) {
      const file = load();
      const headers: Record<string, string | number> = {
        'content-type': source.contentType,
        'cache-control': CACHE_CONTROL[source.caching],
        etag: file.etag,
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': source.crossOrigin ? 'cross-origin' : 'same-origin',
      };
      if (compressible) headers.vary = 'Accept-Encoding';
      if (matches(req.headers['if-none-match'], file.etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      let body = file.body;
      if (compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        file.gzipped ??= gzipAsync(file.body);
        body = await file.gzipped;
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    },
  };
}
