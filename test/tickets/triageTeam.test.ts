/**
 * Which team may make a channel the triage channel, over real HTTP on the real app (anonymous local mode) with
 * a fake Teams connector: tickets carry partner data, so once a team has said "triage here", only its channels
 * may move the triage channel (another team is refused in its own language, and nothing changes, even after
 * the bot was removed from the triage channel); with TRIAGE_TEAM_ID only that team, from the start.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXECUTE_VERBS } from '../../cards/verbs';
import { readConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';
import { t } from '../../src/i18n/strings';
import { TriageChannels } from '../../src/tickets/triageChannel';
import { FakeTeamsConnector } from '../support/fakeTeamsConnector';
import { startApp, type RunningApp } from '../support/testApp';

const TENANT = { id: '72f988bf-0000-0000-0000-000000000001' };
const BOT = { id: '28:mpn-support-assistant', name: 'Support benefits' };
const SUPPORT_TEAM = { id: '19:general-partner-support@thread.tacv2' };
const TRIAGE = { id: '19:triage-partner-support@thread.tacv2' };
const ESCALATIONS = { id: '19:escalations-partner-support@thread.tacv2' };
const OTHER_TEAM = { id: '19:general-reseller@thread.tacv2' };
const OTHER_TEAM_CHANNEL = { id: '19:tickets-reseller@thread.tacv2' };

let connector: FakeTeamsConnector;
let app: RunningApp | undefined;
let counter = 0;

beforeEach(async () => {
  connector = await new FakeTeamsConnector().start();
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await connector.stop();
});

/** The command as each language says it (content/nlu/commands.json). */
const TRIAGE_HERE: Record<string, string> = {
  'en-US': 'triage here',
  'ru-RU': 'разбирать обращения здесь',
  'pt-BR': 'fazer a triagem aqui',
  'fr-FR': 'trier les demandes ici',
};

/** "triage here" in a channel of a team, in the sender's language; resolves with the bot's reply text. */
async function triageHere(
  running: RunningApp,
  team: { id: string },
  channel: { id: string },
  locale = 'en-US',
): Promise<string | undefined> {
  const thread = `${channel.id};messageid=${1700000000000 + ++counter}`;
  const mention = `<at>${BOT.name}</at>`;
  const response = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `teams-activity-${counter}`,
      type: 'message',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale,
      text: `${mention} ${TRIAGE_HERE[locale] ?? ''}`,
      from: { id: '29:someone', name: 'Someone' },
      recipient: BOT,
      conversation: { id: thread, conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
      channelData: { tenant: TENANT, team, channel },
      entities: [{ type: 'mention', mentioned: BOT, text: mention }],
    }),
  });
  expect(response.status).toBe(200);
  const [reply] = await connector.waitForPosts(thread, 1);
  return reply?.activity.text;
}

async function triageChannelId(running: RunningApp): Promise<string | undefined> {
  return (await new TriageChannels(running.storage).get())?.reference.conversation?.id;
}

async function invokeFrom(running: RunningApp, team: { id: string }, channel: { id: string }): Promise<number> {
  const response = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `teams-activity-${++counter}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale: 'en-US',
      from: { id: '29:someone', name: 'Someone' },
      recipient: BOT,
      conversation: {
        id: `${channel.id};messageid=1`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: TENANT.id,
      },
      channelData: { tenant: TENANT, team, channel },
      value: {
        action: { type: 'Action.Execute', verb: EXECUTE_VERBS.refresh, data: { ticket: 'MPN-000001' } },
        trigger: 'automatic',
      },
    }),
  });
  await response.text();
  return response.status;
}

describe('"triage here" without TRIAGE_TEAM_ID', () => {
  it('the first team to say it holds the triage channel; another team is refused in its language; the team moves it among its channels', async () => {
    app = await startApp();
    expect(await triageHere(app, SUPPORT_TEAM, TRIAGE)).toBe(t('en', 'triage.set'));
    expect(await triageChannelId(app)).toBe(TRIAGE.id);

    expect(await triageHere(app, OTHER_TEAM, OTHER_TEAM_CHANNEL, 'fr-FR')).toBe(t('fr', 'triage.other_team'));
    expect(await triageChannelId(app)).toBe(TRIAGE.id);
    expect(await invokeFrom(app, OTHER_TEAM, OTHER_TEAM_CHANNEL)).toBe(403);

    expect(await triageHere(app, SUPPORT_TEAM, ESCALATIONS)).toBe(t('en', 'triage.set'));
    expect(await triageChannelId(app)).toBe(ESCALATIONS.id);
  });

  it('the team stays the triage team after the bot was removed from the triage channel', async () => {
    app = await startApp();
    expect(await triageHere(app, SUPPORT_TEAM, TRIAGE)).toBe(t('en', 'triage.set'));
    // What the ticket service does when posting to the channel answers 403 (the bot was removed).
    await new TriageChannels(app.storage).clear();
    expect(await triageHere(app, OTHER_TEAM, OTHER_TEAM_CHANNEL)).toBe(t('en', 'triage.other_team'));
    expect(await triageChannelId(app)).toBeUndefined();
    expect(await triageHere(app, SUPPORT_TEAM, TRIAGE, 'ru-RU')).toBe(t('ru', 'triage.set'));
    expect(await triageChannelId(app)).toBe(TRIAGE.id);
  });
});

describe('"triage here" with TRIAGE_TEAM_ID', () => {
  it('only the configured team may hold the triage channel and act on tickets, from the very first time', async () => {
    app = await startApp({ env: { TRIAGE_TEAM_ID: SUPPORT_TEAM.id } });
    expect(await triageHere(app, OTHER_TEAM, OTHER_TEAM_CHANNEL, 'pt-BR')).toBe(t('pt', 'triage.other_team'));
    expect(await triageChannelId(app)).toBeUndefined();
    expect(await invokeFrom(app, OTHER_TEAM, OTHER_TEAM_CHANNEL)).toBe(403);

    expect(await triageHere(app, SUPPORT_TEAM, TRIAGE)).toBe(t('en', 'triage.set'));
    expect(await triageChannelId(app)).toBe(TRIAGE.id);
    expect(await invokeFrom(app, OTHER_TEAM, OTHER_TEAM_CHANNEL)).toBe(403);
    // The triage team's refresh of a ticket that does not exist: answered (200, "not found"), not refused.
    expect(await invokeFrom(app, SUPPORT_TEAM, ESCALATIONS)).toBe(200);
  });
});

describe('TRIAGE_TEAM_ID', () => {
  it('is unset by default, and must be a Teams team id (19:…@thread.…), not an Entra group id', () => {
    expect(readConfig({}).triageTeamId).toBeUndefined();
    expect(readConfig({ TRIAGE_TEAM_ID: SUPPORT_TEAM.id }).triageTeamId).toBe(SUPPORT_TEAM.id);
    for (const wrong of ['00000000-0000-0000-0000-0000000000aa', '19:x@thread.tacv2;messageid=1', 'general']) {
      expect(() => readConfig({ TRIAGE_TEAM_ID: wrong }), wrong).toThrow(ConfigError);
    }
  });
});
