/**
 * The review page: GET /review (the missed questions grouped, with counts, in the reader's language), the
 * login form's POST /review/login (sets the session cookie), POST /review/logout, and POST /review/label (a
 * reviewer's decision on the version shown; the answer redirects back to the list with a notice, so a reload
 * never posts twice). Form posts of a session carry its CSRF token; the cookie is SameSite=Strict as well.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCALE_OF, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import type { Logger } from '../log/logger';
import type { Route } from '../server/createServer';
import { readFormBody } from '../server/readFormBody';
import { RequestBodyError } from '../server/readJsonBody';
import { sendPage } from '../web/html';
import { pageLanguage, queryOf } from '../web/pageLanguage';
import { createNonce, type PagePolicy } from '../web/securityHeaders';
import type { ReviewAccess, Reviewer } from './reviewAccess';
import { parseReviewFilter, ReviewFilterError } from './reviewFilterText';
import type { ReviewFilter } from './reviewItem';
import { parseLabel, parseVersion } from './reviewLabelText';
import { loginPageHtml, REVIEW_NOTICES, reviewPageHtml, type ReviewNotice } from './reviewPageHtml';
import { ReviewAppliedError, ReviewConflictError, ReviewNotFoundError, type ReviewStore } from './reviewStore';
import { trainingGain } from './trainingGain';

export interface ReviewPageDependencies {
  store: ReviewStore;
  access: ReviewAccess;
  log: Logger;
  /** CONVERSATION_IDLE_MINUTES in ms: an item with no further message after it reads as "left". */
  idleMs: number;
}

const POLICY: PagePolicy = { frame: 'none', forms: true };

export function reviewPageRoutes(deps: ReviewPageDependencies): Route[] {
  const { access, log } = deps;
  return [
    {
      method: 'get',
      path: '/review',
      async handle(req, res) {
        const query = queryOf(req);
        const lang = pageLanguage(query, req);
        const reviewer = access.reviewerOf(req, { cookie: true });
        if (!reviewer) return sendLogin(res, lang, false, 200);
        const notice = query.get('notice');
        const filterQuery = filterQueryOf(query);
        let filter: ReviewFilter = {};
        let filterProblems: string | undefined;
        try {
          filter = parseReviewFilter(filterQuery);
        } catch (error) {
          if (!(error instanceof ReviewFilterError)) throw error;
          filterProblems = error.message;
        }
        try {
          const items = filterProblems ? [] : await deps.store.list(filter);
          const labelled = [
            ...(await deps.store.list({ status: 'labelled' })),
            ...(await deps.store.list({ status: 'applied' })),
          ];
          const nonce = createNonce();
          const html = reviewPageHtml({
            lang,
            nonce,
            items,
            filter,
            query: filterQuery.toString(),
            gained: trainingGain(labelled),
            now: Date.now(),
            idleMs: deps.idleMs,
            ...(reviewer.via === 'session'
              ? { session: { name: reviewer.session.name, csrf: access.sessions.csrfToken(reviewer.session) } }
              : {}),
            ...(isNotice(notice) ? { notice } : {}),
            ...(filterProblems ? { filterProblems } : {}),
          });
          sendPage(res, html, POLICY, nonce, filterProblems ? 400 : 200);
        } catch (error) {
          const reference = randomBytes(4).toString('hex').toUpperCase();
          log.error({ reference, err: error }, 'review page: listing failed');
          sendText(res, 500, t(lang, 'review.error', { reference }));
        }
      },
    },
    {
      method: 'post',
      path: '/review/login',
      async handle(req, res) {
        const form = await formOf(req, res);
        if (!form) return;
        const lang = pageLanguage(new URLSearchParams({ locale: form.get('locale') ?? '' }), req);
        if (!access.isKey(form.get('key') ?? '')) {
          log.warn({ remoteAddress: req.socket.remoteAddress }, 'review page: refused a sign-in with the wrong key');
          return sendLogin(res, lang, true);
        }
        const session = access.sessions.issue(form.get('name') ?? '');
        log.info({ reviewer: session.name }, 'review page: signed in');
        redirect(res, `/review?locale=${LOCALE_OF[lang]}`, access.sessions.cookie(session, access.isHttps(req)));
      },
    },
    {
      method: 'post',
      path: '/review/logout',
      async handle(req, res) {
        const form = await formOf(req, res);
        if (!form) return;
        const reviewer = access.reviewerOf(req, { cookie: true });
        if (
          reviewer?.via === 'session' &&
          !access.sessions.isCsrfToken(reviewer.session, form.get('csrf') ?? undefined)
        )
          return redirect(res, '/review?notice=expired');
        redirect(res, '/review', access.sessions.clearedCookie(access.isHttps(req)));
      },
    },
    {
      method: 'post',
      path: '/review/label',
      async handle(req, res) {
        const form = await formOf(req, res);
        if (!form) return;
        const lang = pageLanguage(new URLSearchParams({ locale: form.get('locale') ?? '' }), req);
        const reviewer = access.reviewerOf(req, { cookie: true });
        if (!reviewer) return sendLogin(res, lang, false);
        const back = (notice: ReviewNotice) => {
          const query = filterQueryOf(new URLSearchParams(form.get('back') ?? ''));
          query.set('locale', LOCALE_OF[lang]);
          query.set('notice', notice);
          redirect(res, `/review?${query.toString()}`);
        };
        if (reviewer.via === 'session' && !access.sessions.isCsrfToken(reviewer.session, form.get('csrf') ?? undefined))
          return back('expired');
        const id = form.get('id') ?? '';
        const version = parseVersion(form.get('version'));
        const label = parseLabel(form.get('label'));
        if (!id || !version || !label) return back('bad_form');
        back(await labelItem(deps, id, label, reviewerName(reviewer), version));
      },
    },
  ];
}

/** Labels an item and says how it went, as a notice of the page. */
async function labelItem(
  deps: ReviewPageDependencies,
  id: string,
  label: NonNullable<ReturnType<typeof parseLabel>>,
  by: string,
  version: number,
): Promise<ReviewNotice> {
  try {
    await deps.store.label(id, label, by, version);
    deps.log.info({ id, label, by }, 'review: item labelled');
    return 'labelled';
  } catch (error) {
    if (error instanceof ReviewConflictError) return 'conflict';
    if (error instanceof ReviewAppliedError) return 'applied';
    if (error instanceof ReviewNotFoundError) return 'gone';
    throw error;
  }
}

function reviewerName(reviewer: Reviewer): string {
  return reviewer.via === 'session' ? reviewer.session.name : 'api key';
}

/** The filter parameters of a query (the page's own, locale and notice, left out). */
function filterQueryOf(query: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, value] of query) if (!['locale', 'notice'].includes(name)) kept.append(name, value);
  return kept;
}

function isNotice(value: string | null): value is ReviewNotice {
  return (REVIEW_NOTICES as readonly (string | null)[]).includes(value);
}

/** The form of a POST, or undefined after answering a body that is not one (too large, another type). */
async function formOf(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams | undefined> {
  try {
    return await readFormBody(req);
  } catch (error) {
    if (!(error instanceof RequestBodyError)) throw error;
    sendText(res, error.status, error.message);
    return undefined;
  }
}

/**
 * Sends the login page: 200 when the request is simply not signed in (the page a browser is meant to show),
 * 401 when the key given was wrong or a post came without a session.
 */
function sendLogin(res: ServerResponse, lang: Lang, wrongKey: boolean, status: 200 | 401 = 401): void {
  const nonce = createNonce();
  sendPage(res, loginPageHtml(lang, nonce, wrongKey), POLICY, nonce, status);
}

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(303, {
    location,
    'cache-control': 'no-store',
    'content-length': 0,
    ...(cookie ? { 'set-cookie': cookie } : {}),
  });
  res.end();
}

function sendText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': body.length,
  });
  res.end(body);
}
