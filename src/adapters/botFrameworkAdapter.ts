/**
 * botbuilder's CloudAdapter, opened up where the hardened /api/messages endpoint needs it: processing an
 * activity whose request was already authenticated (so authentication failures never reach the adapter's own
 * error handling, which answers 500 with the exception text).
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

export class BotFrameworkAdapter extends CloudAdapter {
  processAuthenticated(
    authentication: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}
