/**
 * The last resort of a turn: the error is logged with a short reference, the user gets a localized apology with
 * that reference (only for a message, never the error's text), and the conversation's dialog state is cleared
 * so the next message starts clean. While the storage cannot be reached the failure is the outage's, not the
 * conversation's: the user is asked to try again in a minute, and the state is left as it was (it holds the
 * question the user was answering, so the conversation continues once the storage is back).
 */
import type { TurnContext } from 'botbuilder';
import { langOfLocale } from '../i18n/locales';
import { logErrorReference } from '../log/errorReference';
import type { Logger } from '../log/logger';
import type { BotStateAccessors } from './botState';
import { sendString } from './send';
import { turnOf } from './turn';

export interface OnTurnErrorOptions {
  /** Whether the storage answers right now (BotStorage.isReady); absent: every failure is the turn's own. */
  storageReady?: () => Promise<boolean>;
}

export function createOnTurnError(state: BotStateAccessors, log: Logger, options: OnTurnErrorOptions = {}) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const storageDown = options.storageReady ? !(await options.storageReady().catch(() => false)) : false;
    const reference = logErrorReference(log, error, 'turn failed', {
      storageDown,
      activityType: context.activity.type,
      channelId: context.activity.channelId,
    });
    if (context.activity.type === 'message') {
      const lang = languageOf(context);
      await sendString(context, lang, storageDown ? 'error.storage_unavailable' : 'error.apology', { reference }).catch(
        (sendError: unknown) => log.warn({ reference, err: sendError }, 'could not send the apology'),
      );
    }
    if (storageDown) return;
    await state.conversationState
      .delete(context)
      .catch((deleteError: unknown) => log.warn({ reference, err: deleteError }, 'could not clear the dialog state'));
  };
}

function languageOf(context: TurnContext) {
  try {
    return turnOf(context).lang;
  } catch {
    return langOfLocale(context.activity.locale) ?? 'en';
  }
}
