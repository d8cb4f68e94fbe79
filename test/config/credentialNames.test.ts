/**
 * The Agents Toolkit's names for the bot's credentials (CLIENT_ID, CLIENT_SECRET, TENANT_ID) work as the Bot
 * Framework's (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId); two different values are refused
 * with a problem that names both settings and shows neither value.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config';
import { configProblems } from '../support/configProblems';

const APP_ID = '2b7f3c1e-5d6a-4e8f-9a0b-1c2d3e4f5a6b';
const OTHER_APP_ID = '9f8e7d6c-5b4a-4f3e-8d2c-1b0a9f8e7d6c';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'client-secret-value-1234567890';

describe('credential names', () => {
  it('reads CLIENT_ID, CLIENT_SECRET and TENANT_ID as MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId', () => {
    const config = readConfig({
      CLIENT_ID: APP_ID,
      CLIENT_SECRET: SECRET,
      TENANT_ID: TENANT,
      MicrosoftAppType: 'SingleTenant',
    });
    expect(config).toMatchObject({
      microsoftAppId: APP_ID,
      microsoftAppPassword: SECRET,
      microsoftAppTenantId: TENANT,
    });
  });

  it('reads the Bot Framework names as before', () => {
    const config = readConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppType: 'SingleTenant',
    });
    expect(config).toMatchObject({
      microsoftAppId: APP_ID,
      microsoftAppPassword: SECRET,
      microsoftAppTenantId: TENANT,
    });
  });

  it('accepts both names with the same value', () => {
    expect(readConfig({ MicrosoftAppId: APP_ID, CLIENT_ID: APP_ID, CLIENT_SECRET: SECRET })).toMatchObject({
      microsoftAppId: APP_ID,
      microsoftAppPassword: SECRET,
    });
  });

  it('refuses both names with different values, naming the settings and never the values', () => {
    const problems = configProblems({
      MicrosoftAppId: APP_ID,
      CLIENT_ID: OTHER_APP_ID,
      MicrosoftAppPassword: SECRET,
      CLIENT_SECRET: `${SECRET}x`,
    });
    expect(problems).toEqual([
      'MicrosoftAppId and CLIENT_ID are two names for one setting and differ: set one of them, or both to the same value',
      'MicrosoftAppPassword and CLIENT_SECRET are two names for one setting and differ: set one of them, or both to the same value',
    ]);
    expect(problems.join('\n')).not.toMatch(new RegExp(`${APP_ID}|${OTHER_APP_ID}|${SECRET}`));
  });

  it('checks a credential given by its alias like one given by its own name', () => {
    expect(configProblems({ CLIENT_ID: 'not-a-guid', CLIENT_SECRET: SECRET })).toEqual([
      "MicrosoftAppId must be the bot's app id (a GUID)",
    ]);
    expect(configProblems({ CLIENT_ID: APP_ID })).toEqual([
      'MicrosoftAppPassword is required with MicrosoftAppId (except for MicrosoftAppType=UserAssignedMSI)',
    ]);
  });
});
