/**
 * Message extension invokes as Teams posts them to /api/messages (the recorded shape of Microsoft's "Respond to
 * the search command" and link unfurling documentation): `composeExtension/query` with `{ commandId, parameters:
 * [{ name, value }], queryOptions: { skip, count } }` (`[{ name: 'initialRun', value: 'true' }]` when the command
 * opens), `composeExtension/queryLink` with `{ url }`; `channelData.source.name` says compose box or command box,
 * a `clientInfo` entity repeats the locale, and a channel's activity names its team and channel.
 */
import { post } from '../http/messageActivity';
import { BOT } from '../support/teamsActivity';

export const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
export { BOT };
export const SUPPORT_TEAM = { id: '19:general-partner-support@thread.tacv2', name: 'Partner support' };
export const TRIAGE_CHANNEL = { id: '19:triage-partner-support@thread.tacv2', name: 'Triage' };
export const SUPPORT_OTHER_CHANNEL = { id: '19:escalations-partner-support@thread.tacv2', name: 'Escalations' };
export const OTHER_TEAM = { id: '19:general-reseller@thread.tacv2', name: 'Reseller' };

/** Where an invoke is sent from. */
export type Origin =
  | { kind: 'personal'; user: string }
  | { kind: 'groupChat'; chat: string }
  | { kind: 'channel'; team: { id: string }; channel: { id: string } }
  | { kind: 'commandBox'; user: string };

let counter = 0;

function envelope(serviceUrl: string, origin: Origin, locale: string, user: string): Record<string, unknown> {
  const from = {
    id: `29:${user}`,
    name: user,
    aadObjectId: `00000000-0000-0000-0000-${String(++counter).padStart(12, '0')}`,
  };
  const base = {
    id: `f:${Date.now()}${counter}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale,
    from,
    recipient: BOT,
    entities: [{ type: 'clientInfo', locale, country: 'US', platform: 'Web', timezone: 'Europe/Paris' }],
  };
  switch (origin.kind) {
    case 'channel':
      return {
        ...base,
        conversation: {
          id: `${origin.channel.id};messageid=1700000000001`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: TENANT.id,
        },
        channelData: { tenant: TENANT, team: origin.team, channel: origin.channel, source: { name: 'compose' } },
      };
    case 'groupChat':
      return {
        ...base,
        conversation: { id: origin.chat, conversationType: 'groupChat', isGroup: true, tenantId: TENANT.id },
        channelData: { tenant: TENANT, source: { name: 'compose' } },
      };
    case 'personal':
      return {
        ...base,
        conversation: { id: `a:chat-${origin.user}`, conversationType: 'personal', tenantId: TENANT.id },
        channelData: { tenant: TENANT, source: { name: 'compose' } },
      };
    case 'commandBox':
      return {
        ...base,
        conversation: { id: `a:chat-${origin.user}`, conversationType: 'personal', tenantId: TENANT.id },
        channelData: { tenant: TENANT, source: { name: 'commandBox' } },
      };
  }
}

export interface QueryOptions {
  serviceUrl: string;
  commandId: string;
  /** The typed text, or undefined for the command's initial run. */
  text?: string;
  parameterName?: string;
  locale?: string;
  origin?: Origin;
  user?: string;
  skip?: number;
}

export function queryInvoke({
  serviceUrl,
  commandId,
  text,
  parameterName = 'question',
  locale = 'en-US',
  origin,
  user = `user-${counter + 1}`,
  skip = 0,
}: QueryOptions): Record<string, unknown> {
  const parameters =
    text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: parameterName, value: text }];
  return {
    ...envelope(serviceUrl, origin ?? { kind: 'personal', user }, locale, user),
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId, parameters, queryOptions: { skip, count: 25 } },
  };
}

export function queryLinkInvoke(
  serviceUrl: string,
  url: unknown,
  { locale = 'en-US', origin, user = `user-${counter + 1}` }: { locale?: string; origin?: Origin; user?: string } = {},
): Record<string, unknown> {
  return {
    ...envelope(serviceUrl, origin ?? { kind: 'groupChat', chat: '19:someone-else-chat@thread.v2' }, locale, user),
    type: 'invoke',
    name: 'composeExtension/queryLink',
    value: { url },
  };
}

export interface ExtensionAttachment {
  contentType: string;
  content: Record<string, unknown>;
  preview?: { contentType: string; content: { title: string; subtitle?: string; text: string } };
}

export interface InvokeAnswer {
  status: number;
  text: string;
  attachments: ExtensionAttachment[];
  body:
    { composeExtension?: { type: string; attachmentLayout: string; attachments: ExtensionAttachment[] } } | undefined;
}

/** Posts an invoke and reads the invoke response's body. */
export async function invoke(appUrl: string, activity: unknown): Promise<InvokeAnswer> {
  const { status, text } = await post(appUrl, activity);
  const body = text ? (JSON.parse(text) as InvokeAnswer['body']) : undefined;
  return { status, text, body, attachments: body?.composeExtension?.attachments ?? [] };
}

/** Every string in a card (its texts, titles, URLs), in document order. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Every object in a card with a `type` (elements and actions). */
export function typedNodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(typedNodes);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  return [...(typeof node.type === 'string' ? [node] : []), ...Object.values(node).flatMap(typedNodes)];
}
