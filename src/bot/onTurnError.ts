/**
 * The last resort of a turn: the error is logged with a short reference, the user gets a localized apology with
 * that reference (only for a message, never the error's text), and the conversation's dialog state is cleared
 * so the next message starts clean.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import { langOfLocale } from '../i18n/locales';
import type { Logger } from '../log/logger';
import type { BotStateAccessors } from './botState';
import { sendString } from './send';
import { turnOf } from './turn';

export function createOnTurnError(state: BotStateAccessors, log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = randomBytes(4).toString('hex').toUpperCase();
    log.error({ reference, err: error, activityType: context.activity.type, channelId: context.activity.channelId }, 'turn failed');
    if (context.activity.type === ActivityTypes.Message) {
      const lang = languageOf(context);
      await sendString(context, lang, 'error.apology', { reference }).catch((sendError: unknown) =>
        log.warn({ reference, err: sendError }, 'could not send the apology'),
      );
    }
    await state.conversationState.delete(context).catch((deleteError: unknown) => log.warn({ reference, err: deleteError }, 'could not clear the dialog state'));
  };
}

function languageOf(context: TurnContext) {
  try {
    return turnOf(context).lang;
  } catch {
    return langOfLocale(context.activity.locale) ?? 'en';
  }
}
