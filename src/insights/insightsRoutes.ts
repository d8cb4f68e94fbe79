/**
 * GET /insights (the page) and GET /api/insights (the same numbers as JSON), behind the key of TICKETS_API_KEY
 * like the tickets API (`Authorization: Bearer <key>` or `x-api-key`; never in a URL); the page also takes the
 * review page's sign-in cookie (src/review/reviewSession.ts), so people sign in once at /review. Without a key
 * neither route exists. Wrong parameters get 400 with every problem named, in the page's language on the page.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { t } from '../i18n/strings';
import { LOCALE_OF, type Lang } from '../i18n/locales';
import type { Logger } from '../log/logger';
import { ReviewAccess } from '../review/reviewAccess';
import type { Route } from '../server/createServer';
import { sendJson, sendUnauthorized } from '../server/sendJson';
import { pageLanguage, queryOf } from '../web/pageLanguage';
import { sendPage } from '../web/html';
import { createNonce } from '../web/securityHeaders';
import { insightsHtml, insightsMessageHtml, INSIGHTS_PATH } from './insightsPage';
import { InsightsQueryError, parseInsightsQuery, type InsightsQuery, type QueryProblem } from './insightsQuery';
import type { InsightsReport } from './insightsReport';
import { countInsights, type InsightsSources } from './insightsService';

export const INSIGHTS_API_PATH = '/api/insights';
/** Nobody frames the page. */
const PAGE_POLICY = { frame: 'none' } as const;

export interface InsightsRoutesDependencies extends InsightsSources {
  /** TICKETS_API_KEY; undefined switches the insights off. */
  apiKey: string | undefined;
  /** TRUST_PROXY, as the review page reads it (for its cookie). */
  trustProxy: number;
  log: Logger;
  /** Milliseconds since the epoch (a seam for tests). */
  now?: () => number;
}

type Outcome =
  | { report: InsightsReport; query: InsightsQuery }
  | { status: 400; problems: QueryProblem[] }
  | { status: 500; reference: string };

/**
 * @example createServer([...insightsRoutes({ events, tickets, reviews, apiKey: config.ticketsApiKey, log })])
 * // curl -H "Authorization: Bearer $TICKETS_API_KEY" 'http://localhost:3978/api/insights?from=2026-11-01&lang=fr'
 */
export function insightsRoutes(deps: InsightsRoutesDependencies): Route[] {
  if (deps.apiKey === undefined) {
    deps.log.info('insights off: TICKETS_API_KEY is not set');
    return [];
  }
  const access = new ReviewAccess(deps.apiKey, deps.trustProxy);
  const now = deps.now ?? Date.now;
  /** The key as a header; for the page, else the review page's session cookie. */
  const authorized = (req: IncomingMessage, cookie: boolean): boolean => {
    if (access.reviewerOf(req, { cookie })) return true;
    deps.log.warn(
      { remoteAddress: req.socket.remoteAddress, path: req.url?.split('?')[0] },
      'insights: refused a request without the right key or sign-in',
    );
    return false;
  };
  const count = async (params: URLSearchParams): Promise<Outcome> => {
    let query: InsightsQuery;
    try {
      query = parseInsightsQuery(params, now());
    } catch (error) {
      if (error instanceof InsightsQueryError) return { status: 400, problems: error.problems };
      throw error;
    }
    try {
      return { report: await countInsights(deps, query), query };
    } catch (error) {
      const reference = randomBytes(4).toString('hex').toUpperCase();
      deps.log.error({ reference, err: error }, 'insights: counting failed');
      return { status: 500, reference };
    }
  };

  return [
    {
      method: 'get',
      path: INSIGHTS_API_PATH,
      async handle(req: IncomingMessage, res: ServerResponse) {
        if (!authorized(req, false)) {
          res.setHeader('www-authenticate', 'Bearer realm="tickets"');
          return sendUnauthorized(res);
        }
        const params = queryOf(req);
        params.delete('locale');
        const outcome = await count(params);
        if ('report' in outcome) return sendJson(res, 200, outcome.report);
        if (outcome.status === 400) {
          const messages = outcome.problems.map((p) => t('en', p.key, p.params));
          return sendJson(res, 400, { error: { code: 'BadRequest', message: messages.join(' '), problems: messages } });
        }
        return sendJson(res, 500, {
          error: { code: 'InternalError', message: t('en', 'insights.error.failed', { reference: outcome.reference }) },
        });
      },
    },
    {
      method: 'get',
      path: INSIGHTS_PATH,
      async handle(req: IncomingMessage, res: ServerResponse) {
        const params = queryOf(req);
        const lang = pageLanguage(params, req);
        const nonce = createNonce();
        if (!authorized(req, true)) {
          res.setHeader('www-authenticate', 'Bearer realm="tickets"');
          const signIn = { text: t(lang, 'insights.sign_in'), href: `/review?locale=${LOCALE_OF[lang]}` };
          return sendPage(
            res,
            insightsMessageHtml(lang, t(lang, 'insights.title'), [t(lang, 'insights.unauthorized')], nonce, signIn),
            PAGE_POLICY,
            nonce,
            401,
          );
        }
        const outcome = await count(params);
        if ('report' in outcome)
          return sendPage(
            res,
            insightsHtml({ report: outcome.report, query: outcome.query, lang, now: now(), nonce }),
            PAGE_POLICY,
            nonce,
          );
        return sendPage(res, problemPage(lang, outcome, nonce), PAGE_POLICY, nonce, outcome.status);
      },
    },
  ];
}

function problemPage(lang: Lang, outcome: Exclude<Outcome, { report: InsightsReport }>, nonce: string): string {
  if (outcome.status === 400)
    return insightsMessageHtml(
      lang,
      t(lang, 'insights.error.title'),
      outcome.problems.map((p) => t(lang, p.key, p.params)),
      nonce,
    );
  return insightsMessageHtml(
    lang,
    t(lang, 'insights.title'),
    [t(lang, 'insights.error.failed', { reference: outcome.reference })],
    nonce,
  );
}
