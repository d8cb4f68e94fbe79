/**
 * GET /api/tickets for other tools: the tickets, newest first, filtered by status, language, top intent and
 * creation date, behind the API key of TICKETS_API_KEY (compared in constant time). Without a key the route
 * does not exist at all (restify's own 404): an API that is switched off looks like any unknown path, and
 * says nothing a retrying client or a monitor could take for a passing outage (which 503 would).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import type { Route } from '../server/createServer';
import { keyCheck, presentedKey } from '../server/apiKey';
import { shown } from '../server/filterText';
import { problem, sendInternalError, sendJson, sendUnauthorized } from '../server/sendJson';
import { publicTicket } from './publicTicket';
import type { TicketStore } from './store/ticketStore';
import {
  FILTER_FIELDS,
  parseTicketFilter,
  TicketFilterError,
  type FilterField,
  type TicketFilterText,
} from './ticketFilterText';

export interface TicketsApiDependencies {
  store: TicketStore;
  /** TICKETS_API_KEY; undefined switches the API off. */
  apiKey: string | undefined;
  log: Logger;
}

/** Tickets per response when `limit` is not given, and the most a request may ask for. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/**
 * @example createServer([...ticketsApiRoutes({ store, apiKey: config.ticketsApiKey, log })])
 * // curl -H "Authorization: Bearer $TICKETS_API_KEY" 'http://localhost:3978/api/tickets?status=new&from=2025-03-01'
 */
export function ticketsApiRoutes(deps: TicketsApiDependencies): Route[] {
  if (deps.apiKey === undefined) {
    deps.log.info('tickets API off: TICKETS_API_KEY is not set');
    return [];
  }
  const isKey = keyCheck(deps.apiKey);
  return [
    {
      method: 'get',
      path: '/api/tickets',
      async handle(req: IncomingMessage, res: ServerResponse) {
        const key = presentedKey(req);
        if (key === undefined || !isKey(key)) {
          deps.log.warn(
            { remoteAddress: req.socket.remoteAddress, keyGiven: key !== undefined },
            'tickets API: refused a request without the right key',
          );
          res.setHeader('www-authenticate', 'Bearer realm="tickets"');
          return sendUnauthorized(res);
        }
        let filter;
        try {
          filter = parseTicketFilter(filterText(req.url ?? ''), { maxLimit: MAX_LIMIT });
        } catch (error) {
          if (error instanceof TicketFilterError) return sendJson(res, 400, problem('BadRequest', error.message));
          throw error;
        }
        try {
          const tickets = await deps.store.list({ limit: DEFAULT_LIMIT, ...filter });
          deps.log.info({ filter, count: tickets.length }, 'tickets API: listed');
          sendJson(res, 200, { tickets: tickets.map(publicTicket) });
        } catch (error) {
          sendInternalError(res, deps.log, error, 'tickets API: listing failed', 'The tickets could not be listed');
        }
      },
    },
  ];
}

/** The query string as filter text; an unknown or repeated parameter is a mistake, not something to ignore. */
function filterText(url: string): TicketFilterText {
  const params = new URL(url, 'http://localhost').searchParams;
  const text: TicketFilterText = {};
  const problems: string[] = [];
  for (const name of new Set(params.keys())) {
    if (!(FILTER_FIELDS as readonly string[]).includes(name))
      problems.push(`unknown parameter "${shown(name)}" (known: ${FILTER_FIELDS.join(', ')})`);
    else if (params.getAll(name).length > 1) problems.push(`${name} is given more than once`);
    else text[name as FilterField] = params.get(name) ?? '';
  }
  if (problems.length) throw new TicketFilterError(problems);
  return text;
}
