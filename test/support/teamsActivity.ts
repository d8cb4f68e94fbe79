/** Activities as Teams posts them to /api/messages: the envelope, a channel thread, an @mention, an Action.Execute. */

export const BOT = { id: '28:mpn-support-assistant', name: 'Support benefits' };

let counter = 0;

/**
 * What every activity from Teams carries: its own id, the channel, the service URL replies go to, the bot as
 * recipient, the time; `fields` add to it or replace it.
 * @example fromTeams(connector.serviceUrl, { type: 'message', text: 'hi', from, conversation })
 */
export function fromTeams(serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `teams-activity-${++counter}`,
    channelId: 'msteams',
    serviceUrl,
    recipient: BOT,
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

/** The conversation and channel data of a thread in a team's channel (the thread of the message `messageId`). */
export function channelThread(
  tenant: { id: string },
  team: { id: string },
  channel: { id: string },
  messageId = '1700000000001',
): { conversation: Record<string, unknown>; channelData: Record<string, unknown> } {
  return {
    conversation: {
      id: `${channel.id};messageid=${messageId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenant.id,
    },
    channelData: { tenant, team, channel },
  };
}

/** A message that @mentions the bot before `text`, as Teams sends it in a channel (e.g. "triage here"). */
export function mentioningBot(text: string): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    text: `${mention} ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: mention }],
  };
}

/** An Action.Execute pressed on a card (the invoke Teams sends; `replyToId` is the card's message, when known). */
export function cardAction(verb: string, data: Record<string, unknown>, replyToId?: string): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(replyToId === undefined ? {} : { replyToId }),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
