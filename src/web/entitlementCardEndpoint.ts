/**
 * GET /api/tab/entitlement-card?membership=gold&competency=cloud&lang=fr: the entitlement card the bot sends for
 * these facts (the same rule, view and template), as Adaptive Card JSON. Every parameter is optional: without a
 * membership the card is the whole table, as in the bot. A value that is not one of ours is a 400 whose message
 * names the parameter and the values it takes, in the requested language.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderView } from '../../cards/renderCard';
import { decisionView } from '../../cards/views/decisionView';
import { LANGS, LOCALE_OF, langOfLocale, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { decide } from '../rules/decide';
import { FACT_VALUES, type PartnerFacts } from '../rules/facts';
import { sendJson } from '../server/sendJson';
import { queryOf } from './pageLanguage';

export const ENTITLEMENT_CARD_PATH = '/api/tab/entitlement-card';

const oneOf = (values: readonly string[]) => (value: string) => values.includes(value);

/** The parameters: which values each accepts, and how the error message lists them. */
const PARAMETERS = {
  membership: { accepts: oneOf(FACT_VALUES.membership), allowed: FACT_VALUES.membership.join(', ') },
  competency: { accepts: oneOf(FACT_VALUES.competency), allowed: FACT_VALUES.competency.join(', ') },
  // A language (fr) or any locale of one (fr-FR, fr-fr as Teams writes it, fr-CA).
  lang: {
    accepts: (value: string) => langOfLocale(value) !== undefined,
    allowed: [...LANGS, ...Object.values(LOCALE_OF)].join(', '),
  },
} as const;

type Parameter = keyof typeof PARAMETERS;

export class EntitlementQueryError extends Error {
  constructor(
    readonly parameter: Parameter,
    readonly value: string,
  ) {
    super(`${parameter}: "${value}" is not one of ${PARAMETERS[parameter].allowed}`);
    this.name = 'EntitlementQueryError';
  }

  /** The message for people, in their language. */
  describe(lang: Lang): string {
    const shown = [...this.value].slice(0, 40).join('');
    return t(lang, 'web.error.bad_parameter', {
      name: this.parameter,
      value: shown,
      allowed: PARAMETERS[this.parameter].allowed,
    });
  }
}

export interface EntitlementQuery {
  facts: PartnerFacts;
  lang: Lang;
}

/** One value of a parameter: absent, or exactly one of its values (a repeated parameter is an error too). */
function single(query: URLSearchParams, parameter: Parameter): string | undefined {
  const values = query.getAll(parameter);
  if (values.length === 0) return undefined;
  const [value = ''] = values;
  if (values.length > 1 || !PARAMETERS[parameter].accepts(value))
    throw new EntitlementQueryError(parameter, values.join(','));
  return value;
}

/**
 * @example parseEntitlementQuery(new URLSearchParams('membership=gold&lang=fr-FR')) // { facts: { membership: 'gold' }, lang: 'fr' }
 * @throws EntitlementQueryError naming the first parameter that is wrong
 */
export function parseEntitlementQuery(query: URLSearchParams): EntitlementQuery {
  const lang = langOfLocale(single(query, 'lang')) ?? 'en';
  const membership = single(query, 'membership') as PartnerFacts['membership'];
  const competency = single(query, 'competency') as PartnerFacts['competency'];
  return { lang, facts: { ...(membership ? { membership } : {}), ...(competency ? { competency } : {}) } };
}

/** The card JSON the bot would send for these facts, in this language. */
export function entitlementCard({ facts, lang }: EntitlementQuery) {
  return renderView(decisionView(decide('entitlement', facts), facts, lang));
}

export function entitlementCardEndpoint() {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const query = queryOf(req);
    res.setHeader('x-content-type-options', 'nosniff');
    let parsed: EntitlementQuery;
    try {
      parsed = parseEntitlementQuery(query);
    } catch (error) {
      if (!(error instanceof EntitlementQueryError)) throw error;
      // The message is in the requested language when that parameter is fine, else in English.
      const lang = langOfLocale(query.get('lang')) ?? 'en';
      return sendJson(res, 400, {
        error: { code: 'BadRequest', parameter: error.parameter, message: error.describe(lang) },
      });
    }
    sendJson(res, 200, entitlementCard(parsed));
  };
}
