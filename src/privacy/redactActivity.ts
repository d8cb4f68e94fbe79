/**
 * An activity (or a conversation reference) as it may be kept: every string redacted — text, speak, summary,
 * value, channelData, attachments, entities, account and conversation names, keys too, at any depth — except
 * the fields that are its structure (KEPT below), which stay exactly as they were. Direct Line stores the
 * conversation's activities (the transcript the widget reads back), and a ticket its requester's reference.
 */
import { MAX_JSON_DEPTH } from '../server/readJsonBody';
import { redact } from './redact';

/** Which fields of an object keep their strings verbatim: `true` for the field, a nested map for an object's. */
interface Kept {
  readonly [field: string]: true | Kept;
}

/** An account or a conversation: how to address it, never what it is called. */
const ACCOUNT: Kept = { id: true, role: true, aadObjectId: true, tenantId: true, conversationType: true };

/**
 * The structure of an activity: ids, type, channel, service URL, times, locale, formats, the event or invoke
 * name, addresses (accounts without their names), the client's own activity id and time (Web Chat matches its
 * echo by them), Teams' tenant, team and channel ids, and attachment and entity types. An array's elements
 * follow the map of the field that holds it.
 */
const ACTIVITY: Kept = {
  type: true,
  id: true,
  timestamp: true,
  localTimestamp: true,
  localTimezone: true,
  serviceUrl: true,
  channelId: true,
  locale: true,
  textFormat: true,
  inputHint: true,
  attachmentLayout: true,
  replyToId: true,
  name: true,
  valueType: true,
  importance: true,
  deliveryMode: true,
  expiration: true,
  callerId: true,
  code: true,
  from: ACCOUNT,
  recipient: ACCOUNT,
  conversation: ACCOUNT,
  membersAdded: ACCOUNT,
  membersRemoved: ACCOUNT,
  channelData: {
    clientActivityID: true,
    clientTimestamp: true,
    eventType: true,
    tenant: { id: true },
    team: { id: true, aadGroupId: true },
    channel: { id: true },
  },
  attachments: { contentType: true, content: { type: true } },
  entities: { type: true, mentioned: ACCOUNT },
};

/** A conversation reference (where a ticket's resolution goes): its addresses, not its names. */
const REFERENCE: Kept = {
  channelId: true,
  serviceUrl: true,
  locale: true,
  activityId: true,
  conversation: ACCOUNT,
  user: ACCOUNT,
  bot: ACCOUNT,
};

/** @example redactActivity({ type: 'message', from: { id: '29:1x', name: 'jane@contoso.com' } }).from // { id: '29:1x', name: '[EMAIL]' } */
export function redactActivity<T extends object>(activity: T): T {
  return redactExcept(activity, ACTIVITY, 0) as T;
}

/** @example redactReference(reference).user.name // '[EMAIL]' when the name was an address */
export function redactReference<T extends object>(reference: T): T {
  return redactExcept(reference, REFERENCE, 0) as T;
}

/** A copy of `value` with every string redacted except where `kept` says; nothing deeper than a body may be. */
function redactExcept(value: unknown, kept: Kept | undefined, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth > MAX_JSON_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => redactExcept(item, kept, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const rule = kept && Object.hasOwn(kept, key) ? kept[key] : undefined;
      if (rule === true && typeof item === 'string') return [key, item];
      return [
        kept && Object.hasOwn(kept, key) ? key : redact(key),
        redactExcept(item, rule === true ? undefined : rule, depth + 1),
      ];
    }),
  );
}
