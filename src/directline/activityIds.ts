/**
 * Activity ids and watermarks as the Direct Line service writes them: an activity's id is
 * `<conversationId>|<seq padded to 7 digits>`, a watermark is the number of activities a client has seen
 * ("3": it has seq 0, 1 and 2).
 */
export const SEQ_DIGITS = 7;

/** @example activityId('Ab1', 4) // "Ab1|0000004" */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The sequence number of one of this conversation's activity ids, or undefined for any other id. */
export function seqOfActivityId(conversationId: string, id: string | undefined): number | undefined {
  const prefix = `${conversationId}|`;
  if (!id?.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
}

/** A watermark from a query string: a whole number, or undefined when absent or not one. */
export function parseWatermark(text: string | null | undefined): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

/** Conversation ids this service issues and accepts: URL-safe, no "|". */
export function isConversationId(text: string): boolean {
  return /^[A-Za-z0-9_-]{8,64}$/.test(text);
}
