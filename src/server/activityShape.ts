/**
 * What an activity must look like before a turn runs on it: the fields every channel sends and the bot cannot
 * keep state or answer without (channel, conversation, sender, recipient), and the types the Bot Framework
 * activity schema gives the fields the bot, botbuilder and the reply's serializer read. An activity that breaks
 * one is the client's mistake (400), not a failed turn. /api/messages checks all of it; Direct Line, which sets
 * the envelope itself, the content.
 */

type Kind = 'string' | 'boolean' | 'object' | 'array';

/** The account fields botbuilder copies into replies, where the connector's serializer checks their types. */
const ACCOUNT_FIELDS: Readonly<Record<string, Kind>> = {
  id: 'string',
  name: 'string',
  aadObjectId: 'string',
  role: 'string',
};
const CONVERSATION_FIELDS: Readonly<Record<string, Kind>> = {
  ...ACCOUNT_FIELDS,
  conversationType: 'string',
  tenantId: 'string',
  isGroup: 'boolean',
};

/** Optional fields the bot reads, with their type in the schema. */
const OPTIONAL_FIELDS: Readonly<Record<string, Kind>> = {
  id: 'string',
  text: 'string',
  locale: 'string',
  name: 'string',
  textFormat: 'string',
  replyToId: 'string',
  channelData: 'object',
  entities: 'array',
  attachments: 'array',
  membersAdded: 'array',
  membersRemoved: 'array',
};

/** Teams activities whose channelData.eventType the Teams handler reads without looking whether there is channelData. */
const TEAMS_CHANNEL_DATA_TYPES = new Set(['messageUpdate', 'messageDelete']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasKind = (value: unknown, kind: Kind) =>
  kind === 'object' ? isObject(value) : kind === 'array' ? Array.isArray(value) : typeof value === kind;
const article = (kind: Kind) => (kind === 'object' || kind === 'array' ? `an ${kind}` : `a ${kind}`);

/** What is wrong with a body that should be a channel's activity, or undefined when nothing is. */
export function invalidActivity(body: unknown): string | undefined {
  if (!isObject(body)) return 'The body must be an activity object.';
  const { type, serviceUrl, channelId } = body;
  if (typeof type !== 'string' || !type) return 'The activity has no type.';
  if (typeof serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/.test(serviceUrl))
    return 'The activity has no valid serviceUrl.';
  if (typeof channelId !== 'string' || !channelId) return 'The activity has no channelId.';
  return (
    invalidAccount(body.conversation, 'conversation', CONVERSATION_FIELDS) ??
    invalidAccount(body.from, 'from', ACCOUNT_FIELDS) ??
    invalidAccount(body.recipient, 'recipient', ACCOUNT_FIELDS) ??
    invalidActivityContent(body)
  );
}

/**
 * What is wrong with the fields of an activity besides its envelope (also for activities a Direct Line client
 * posts, whose sender, recipient and conversation the service sets), or undefined when nothing is.
 */
export function invalidActivityContent(activity: Record<string, unknown>): string | undefined {
  const { type, channelId } = activity;
  for (const [name, kind] of Object.entries(OPTIONAL_FIELDS)) {
    // botbuilder takes only a missing list for no list: null is not one.
    const absent = activity[name] === undefined || (activity[name] === null && kind !== 'array');
    if (!absent && !hasKind(activity[name], kind)) return `The activity's ${name} must be ${article(kind)}.`;
  }
  if (
    channelId === 'msteams' &&
    typeof type === 'string' &&
    TEAMS_CHANNEL_DATA_TYPES.has(type) &&
    !isObject(activity.channelData)
  )
    return `A Teams ${type} activity must have channelData.`;
  // botbuilder's invoke handlers read the value's fields without looking whether there is a value.
  if (type === 'invoke' && !isObject(activity.value)) return 'An invoke activity must have a value object.';
  if (
    type === 'invoke' &&
    activity.name === 'adaptiveCard/action' &&
    !isObject((activity.value as Record<string, unknown>).action)
  )
    return 'An adaptiveCard/action invoke must have value.action.';
  return (
    invalidList(activity.membersAdded, 'membersAdded', (member, name) =>
      invalidAccount(member, name, ACCOUNT_FIELDS),
    ) ??
    invalidList(activity.membersRemoved, 'membersRemoved', (member, name) =>
      invalidAccount(member, name, ACCOUNT_FIELDS),
    ) ??
    invalidList(activity.attachments, 'attachments', (attachment, name) =>
      isObject(attachment) ? undefined : `The activity's ${name} must be an object.`,
    ) ??
    invalidList(activity.entities, 'entities', invalidEntity)
  );
}

function invalidAccount(value: unknown, name: string, fields: Readonly<Record<string, Kind>>): string | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || !value.id) return `The activity has no ${name}.id.`;
  for (const [field, kind] of Object.entries(fields)) {
    if (value[field] !== undefined && value[field] !== null && !hasKind(value[field], kind))
      return `The activity's ${name}.${field} must be ${article(kind)}.`;
  }
  return undefined;
}

function invalidList(
  value: unknown,
  name: string,
  invalidItem: (item: unknown, name: string) => string | undefined,
): string | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const [index, item] of value.entries()) {
    const problem = invalidItem(item, `${name}[${index}]`);
    if (problem) return problem;
  }
  return undefined;
}

/** An entity has a type; a mention names who is mentioned and, if it says so, the text that mentions them. */
function invalidEntity(entity: unknown, name: string): string | undefined {
  if (!isObject(entity) || typeof entity.type !== 'string')
    return `The activity's ${name} must be an object with a type.`;
  if (entity.type.toLowerCase() !== 'mention') return undefined;
  if (entity.text !== undefined && typeof entity.text !== 'string')
    return `The activity's ${name}.text must be a string.`;
  return invalidAccount(entity.mentioned, `${name}.mentioned`, ACCOUNT_FIELDS);
}
