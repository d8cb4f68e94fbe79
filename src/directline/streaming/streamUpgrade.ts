/**
 * Opens a conversation's WebSocket stream (`GET <streamUrl>` with Upgrade: websocket). Refused before the
 * upgrade, with an HTTP status and a Direct Line ErrorResponse: a page of an origin that is neither this server
 * nor trusted (403), no stream token (401), an expired one (403 TokenExpired: the stream URL lasts 60 s; the
 * client asks for a new one), one of another conversation (403), an unknown conversation (404).
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../log/logger';
import { isConversationId, parseWatermark } from '../activityIds';
import { DirectLineError, conversationNotFound, forbidden, tokenExpired, unauthorized } from '../directLineError';
import type { DirectLineStore } from '../store/directLineStore';
import { TokenRejectedError, type DirectLineTokens } from '../tokens/directLineTokens';
import { originOf, type OriginPolicy } from '../http/originPolicy';
import type { StreamHub } from './streamHub';
import { STREAM_PATH } from './streamUrl';

export interface StreamUpgradeDependencies {
  tokens: DirectLineTokens;
  policy: OriginPolicy;
  store: DirectLineStore;
  hub: StreamHub;
  log: Logger;
}

/** Clients only ever send empty keep-alive messages. */
const MAX_CLIENT_MESSAGE_BYTES = 4096;

export class StreamUpgrade {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });

  constructor(private readonly deps: StreamUpgradeDependencies) {}

  /** Whether an upgrade request is for a Direct Line stream (the others are left to whoever else listens). */
  static matches(req: IncomingMessage): boolean {
    return STREAM_PATH.test(new URL(req.url ?? '/', 'http://localhost').pathname);
  }

  async handle(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    try {
      const { conversationId, watermark } = await this.authorize(req);
      this.server.handleUpgrade(req, socket, head, (webSocket) => this.deps.hub.add(conversationId, webSocket, watermark));
    } catch (error) {
      if (error instanceof DirectLineError) return refuse(socket, error.status, error.code, error.message);
      this.deps.log.error({ err: error }, 'a Direct Line stream could not be opened');
      refuse(socket, 500, 'InternalError', 'The stream could not be opened.');
    }
  }

  close(): void {
    this.server.close();
  }

  private async authorize(req: IncomingMessage): Promise<{ conversationId: string; watermark: number }> {
    const origin = originOf(req);
    if (origin && !this.deps.policy.allows(origin, req.headers.host)) {
      throw new DirectLineError(403, 'OriginNotAllowed', 'Pages of this origin may not use this service (see TRUSTED_ORIGINS).');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const conversationId = decodedSegment(STREAM_PATH.exec(url.pathname)?.[1] ?? '');
    const streamToken = url.searchParams.get('t');
    if (!streamToken) throw unauthorized();
    let granted: string;
    try {
      granted = this.deps.tokens.verifyStreamToken(streamToken);
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error.reason === 'expired' ? tokenExpired() : forbidden();
      throw error;
    }
    if (granted !== conversationId) throw forbidden('The stream URL is for another conversation.');
    const conversation = isConversationId(conversationId) ? await this.deps.store.getConversation(conversationId) : undefined;
    if (!conversation) throw conversationNotFound();
    return { conversationId, watermark: parseWatermark(url.searchParams.get('watermark')) ?? conversation.watermark };
  }
}

/** A percent-encoded path segment decoded; a malformed escape ("%ZZ") names no conversation: ''. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** Answers an upgrade request with an HTTP status and a Direct Line ErrorResponse, and closes the connection. */
export function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
