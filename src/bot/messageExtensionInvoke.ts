/** What the message extension needs of an invoke activity: where it comes from and the user's Teams locale. */
import type { Activity } from 'botbuilder';
import type { InvokeContext } from '../messageExtension/messageExtension';
import { triageOriginOf } from '../tickets/triageOrigin';

/** Teams names the user's locale on the activity, and again in its clientInfo entity. */
export function invokeContextOf(activity: Partial<Activity>): InvokeContext {
  const clientInfo = (activity.entities ?? []).find((entity) => entity?.type === 'clientInfo') as
    { locale?: unknown } | undefined;
  const locale =
    typeof activity.locale === 'string' && activity.locale
      ? activity.locale
      : typeof clientInfo?.locale === 'string'
        ? clientInfo.locale
        : undefined;
  return { origin: triageOriginOf(activity), locale };
}
