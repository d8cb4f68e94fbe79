/** The WebSocket stream URL of a conversation: where it is, the watermark to replay from, and its 60-second stream token. */
export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream$/;

/** @example streamUrl('ws://127.0.0.1:3978', 'Ab1…', 0, 'eyJ…') // "ws://127.0.0.1:3978/v3/directline/conversations/Ab1…/stream?watermark=0&t=eyJ…" */
export function streamUrl(
  webSocketOrigin: string,
  conversationId: string,
  watermark: number,
  streamToken: string,
): string {
  return `${webSocketOrigin}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?watermark=${watermark}&t=${encodeURIComponent(streamToken)}`;
}
