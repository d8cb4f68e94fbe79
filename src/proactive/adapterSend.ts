/**
 * A ProactiveSend through botbuilder's CloudAdapter. An error inside `continueConversationAsync` would go to
 * the adapter's onTurnError (which answers users, and swallows it) instead of to the caller; this catches the
 * send's error inside the turn and rethrows it outside, so ProactiveSender sees the status and headers.
 */
import type { CloudAdapter, ResourceResponse } from 'botbuilder';
import type { ProactiveSend } from './proactiveSender';

/** @example new ProactiveSender({ send: adapterSend(adapter, config.microsoftAppId), log }) */
export function adapterSend(adapter: CloudAdapter, botAppId: string): ProactiveSend {
  return async (reference, activity) => {
    let sent: ResourceResponse | undefined;
    let failure: { error: unknown } | undefined;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      try {
        sent = await context.sendActivity(activity);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return sent;
  };
}
