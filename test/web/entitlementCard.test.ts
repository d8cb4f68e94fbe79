/**
 * GET /api/tab/entitlement-card: the very card the bot answers an entitlement question with, for every
 * membership, competency kind and language; a wrong parameter is a 400 that says which and what it takes, in the
 * requested language, and nothing about the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toReply } from '../../cards/reply';
import { viewFor } from '../../cards/views/viewFor';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { entitlementOf } from '../../src/rules/entitlement';
import { FACT_VALUES, type CompetencyKind, type Membership, type PartnerFacts } from '../../src/rules/facts';
import { ENTITLEMENT_CARD_PATH, parseEntitlementQuery } from '../../src/web/entitlementCardEndpoint';
import { startApp, type RunningApp } from '../support/testApp';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app.close();
});

async function get(query: string) {
  const response = await fetch(`${app.url}${ENTITLEMENT_CARD_PATH}?${query}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const COMBINATIONS: { membership?: Membership; competency?: CompetencyKind; lang: Lang }[] = LANGS.flatMap((lang) =>
  [undefined, ...FACT_VALUES.membership].flatMap((membership) =>
    [undefined, ...FACT_VALUES.competency].map((competency) => ({
      lang,
      ...(membership ? { membership } : {}),
      ...(competency ? { competency } : {}),
    })),
  ),
);

describe('the entitlement card endpoint', () => {
  it.each(COMBINATIONS)('is the bot card for $membership / $competency in $lang', async ({ lang, ...facts }) => {
    const query = new URLSearchParams({ lang, ...facts });
    const { status, type, body } = await get(query.toString());
    expect(status).toBe(200);
    expect(type).toBe('application/json; charset=utf-8');
    expect(body).toEqual(toReply(viewFor('entitlement', facts as PartnerFacts, lang)).card);
  });

  it('states the rules figures: 20 on-premises incidents for Gold', async () => {
    const { body } = await get('membership=gold&competency=other&lang=en');
    const gold = entitlementOf('gold', 'other');
    expect(gold.productSupportIncidents).toBe(20);
    expect(JSON.stringify(body)).toContain(`${gold.productSupportIncidents} Incidents`);
  });

  it.each(['fr', 'fr-FR', 'fr-fr', 'fr-CA'])('takes the language as %s', async (lang) => {
    expect((await get(`lang=${lang}`)).body.lang).toBe('fr');
  });

  it('is in English without a language', async () => {
    expect((await get('membership=silver')).body.lang).toBe('en');
  });
});

describe('a wrong parameter', () => {
  it.each([
    ['membership=platinum&lang=fr', 'membership', 'fr', 'platinum'],
    ['competency=everything&lang=ru-RU', 'competency', 'ru', 'everything'],
    ['membership=gold&membership=silver&lang=pt', 'membership', 'pt', 'gold,silver'],
    ['lang=de', 'lang', 'en', 'de'],
    ['membership=Gold', 'membership', 'en', 'Gold'],
  ])('%s is a 400 naming %s, in that language', async (query, parameter, lang, value) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    const error = body.error as { code: string; parameter: string; message: string };
    expect(error.code).toBe('BadRequest');
    expect(error.parameter).toBe(parameter);
    expect(error.message).toBe(
      t(lang as Lang, 'web.error.bad_parameter', { name: parameter, value, allowed: expectedAllowed(parameter) }),
    );
    expect(error.message).not.toMatch(/Error|at \/|\.ts|node_modules/);
  });

  it('shows at most 40 characters of the value', async () => {
    const { body } = await get(`membership=${'x'.repeat(500)}`);
    const { message } = body.error as { message: string };
    expect(message).toContain(`“${'x'.repeat(40)}”`);
    expect(message).not.toContain('x'.repeat(41));
  });

  it('parses the query the same way outside HTTP', () => {
    expect(parseEntitlementQuery(new URLSearchParams('membership=action_pack&lang=pt-BR'))).toEqual({
      facts: { membership: 'action_pack' },
      lang: 'pt',
    });
    expect(() => parseEntitlementQuery(new URLSearchParams('competency=onprem'))).toThrow(
      /competency: "onprem" is not one of cloud, other/,
    );
  });
});

function expectedAllowed(parameter: string): string {
  if (parameter === 'lang') return [...LANGS, ...Object.values(LOCALE_OF)].join(', ');
  return FACT_VALUES[parameter as 'membership' | 'competency'].join(', ');
}
