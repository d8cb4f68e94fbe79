/**
 * The review items as JSON, behind the key of TICKETS_API_KEY (bearer header or x-api-key, never in a URL):
 * GET /api/review (filters lang, reason, status, from, to, limit; a bad one is a 400 naming it) and
 * POST /api/review/items/<id>/label ({ label: "intent:<intent>" | "out_of_scope" | "noise", version, by? }),
 * refused with 409 when the item changed since the version named.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import type { Route } from '../server/createServer';
import { readJsonBody, RequestBodyError } from '../server/readJsonBody';
import { sendJson, sendUnauthorized } from '../server/sendJson';
import type { ReviewAccess } from './reviewAccess';
import { shown } from '../server/filterText';
import { parseReviewFilter, ReviewFilterError } from './reviewFilterText';
import { nearestIntent } from './reviewGroups';
import { continuationAt, type ReviewItem } from './reviewItem';
import { parseLabel, parseVersion } from './reviewLabelText';
import { reviewerName } from './reviewSession';
import { ReviewAppliedError, ReviewConflictError, ReviewNotFoundError, type ReviewStore } from './reviewStore';

export interface ReviewApiDependencies {
  store: ReviewStore;
  access: ReviewAccess;
  log: Logger;
  idleMs: number;
}

const problem = (code: string, message: string) => ({ error: { code, message } });
const LABEL_PATH = /^\/api\/review\/items\/([^/?#]{1,100})\/label(?:\?.*)?$/;

/** An item as the API shows it: how the conversation went on, read now, and its nearest intent; no requester key. */
export function publicReviewItem(item: ReviewItem, now: number, idleMs: number) {
  const { requesterKey: _key, ...shown } = item;
  return { ...shown, continuation: continuationAt(item, now, idleMs), nearestIntent: nearestIntent(item) };
}

export function reviewApiRoutes(deps: ReviewApiDependencies): Route[] {
  const { access, log, store } = deps;
  const refused = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (access.reviewerOf(req, { cookie: false })) return false;
    log.warn({ remoteAddress: req.socket.remoteAddress }, 'review API: refused a request without the right key');
    res.setHeader('www-authenticate', 'Bearer realm="review"');
    sendUnauthorized(res);
    return true;
  };
  const failed = (res: ServerResponse, error: unknown, what: string) => {
    const reference = randomBytes(4).toString('hex').toUpperCase();
    log.error({ reference, err: error }, `review API: ${what} failed`);
    sendJson(res, 500, problem('InternalError', `The review items could not be ${what} (reference ${reference}).`));
  };
  return [
    {
      method: 'get',
      path: '/api/review',
      async handle(req, res) {
        if (refused(req, res)) return;
        let filter;
        try {
          filter = parseReviewFilter(new URL(req.url ?? '/', 'http://localhost').searchParams);
        } catch (error) {
          if (error instanceof ReviewFilterError) return sendJson(res, 400, problem('BadRequest', error.message));
          throw error;
        }
        try {
          const items = await store.list(filter);
          const now = Date.now();
          sendJson(res, 200, { items: items.map((item) => publicReviewItem(item, now, deps.idleMs)) });
        } catch (error) {
          failed(res, error, 'listed');
        }
      },
    },
    {
      method: 'post',
      path: '/api/review/items/:id/label',
      async handle(req, res) {
        if (refused(req, res)) return;
        const id = decodeURIComponent(LABEL_PATH.exec(req.url ?? '')?.[1] ?? '');
        let body: { label?: unknown; version?: unknown; by?: unknown };
        try {
          body = (await readJsonBody(req, 4096)) ?? {};
        } catch (error) {
          if (error instanceof RequestBodyError) return sendJson(res, error.status, problem(error.code, error.message));
          throw error;
        }
        const label = parseLabel(body.label);
        const version = parseVersion(body.version);
        const problems = [
          ...(label ? [] : ['label must be "intent:<intent>", "out_of_scope" or "noise"']),
          ...(version ? [] : ['version must be the version of the item as read (a whole number from 1)']),
        ];
        if (problems.length || !label || !version)
          return sendJson(res, 400, problem('BadRequest', problems.join('; ')));
        try {
          const item = await store.label(
            id,
            label,
            reviewerName(typeof body.by === 'string' ? body.by : 'api key'),
            version,
          );
          sendJson(res, 200, { item: publicReviewItem(item, Date.now(), deps.idleMs) });
        } catch (error) {
          if (error instanceof ReviewConflictError) {
            return sendJson(
              res,
              409,
              problem(
                'Conflict',
                `Review item ${shown(id)} changed since version ${version} was read (another reviewer): read it again and decide.`,
              ),
            );
          }
          if (error instanceof ReviewAppliedError)
            return sendJson(
              res,
              409,
              problem(
                'Conflict',
                `Review item ${shown(id)} is in the training data already and can no longer be changed.`,
              ),
            );
          if (error instanceof ReviewNotFoundError)
            return sendJson(res, 404, problem('NotFound', `There is no review item ${shown(id)}.`));
          failed(res, error, 'labelled');
        }
      },
    },
  ];
}
