/**
 * Opens a conversation's WebSocket stream (`GET <streamUrl>` with Upgrade: websocket). Refused before the
 * upgrade, with an HTTP status and a Direct Line ErrorResponse: a page of an origin that is neither this server
 * nor trusted (403), no stream token (401), an expired one (403 TokenExpired: the stream URL lasts 60 s; the
 * client asks for a new one), one of another conversation (403), an unknown conversation (404), a conversation
 * or a client address that already has its cap of open streams (429). Every refusal is counted by reason.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../log/logger';
import { clientAddress } from '../../server/clientAddress';
import { isConversationId, parseWatermark } from '../activityIds';
import {
  DirectLineError,
  conversationNotFound,
  forbidden,
  tokenExpired,
  unauthorized,
  type DirectLineErrorCode,
} from '../directLineError';
import type { DirectLineStore } from '../store/directLineStore';
import { TokenRejectedError, type DirectLineTokens } from '../tokens/directLineTokens';
import { originOf, type OriginPolicy } from '../http/originPolicy';
import type { StreamCaps } from './streamCaps';
import type { StreamHub } from './streamHub';
import { STREAM_PATH } from './streamUrl';

export interface StreamUpgradeDependencies {
  tokens: DirectLineTokens;
  policy: OriginPolicy;
  store: DirectLineStore;
  hub: StreamHub;
  caps: StreamCaps;
  /** TRUST_PROXY: which address the per-address cap counts (clientAddress). */
  trustProxy: number;
  log: Logger;
  /** directline_stream_refusals_total */
  refusals?: { inc(labels: { reason: string }): void };
}

/** Refusals as a closed set of labels. */
const REFUSAL_REASONS: Partial<Record<DirectLineErrorCode, string>> = {
  OriginNotAllowed: 'origin',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  TokenExpired: 'token_expired',
  NotFound: 'not_found',
};

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
    let conversationId: string;
    let watermark: number;
    try {
      ({ conversationId, watermark } = await this.authorize(req));
    } catch (error) {
      if (error instanceof DirectLineError)
        return this.refuse(socket, REFUSAL_REASONS[error.code] ?? 'error', error.status, error.code, error.message);
      this.deps.log.error({ err: error }, 'a Direct Line stream could not be opened');
      return this.refuse(socket, 'error', 500, 'InternalError', 'The stream could not be opened.');
    }
    // A client that hung up while it was authorized takes no slot (its 'close' has already gone by).
    if (socket.destroyed) return;
    // Taken and checked in one step, after the last await: upgrades arriving together cannot pass a full cap.
    const slot = this.deps.caps.take(conversationId, clientAddress(req, this.deps.trustProxy));
    if (typeof slot === 'string') {
      const whose = slot === 'conversation_cap' ? 'This conversation' : 'This client';
      return this.refuse(
        socket,
        slot,
        429,
        'TooManyRequests',
        `${whose} has as many streams open as it may; close one first.`,
      );
    }
    // The raw socket closes with the WebSocket, and also when the handshake never completes.
    socket.once('close', () => slot.release());
    this.server.handleUpgrade(req, socket, head, (webSocket) =>
      this.deps.hub.add(conversationId, webSocket, watermark),
    );
  }

  private refuse(socket: Duplex, reason: string, status: number, code: string, message: string): void {
    this.deps.refusals?.inc({ reason });
    refuse(socket, status, code, message);
  }

  close(): void {
    this.server.close();
  }

  private async authorize(req: IncomingMessage): Promise<{ conversationId: string; watermark: number }> {
    const origin = originOf(req);
    if (origin && !this.deps.policy.allows(origin, req.headers.host)) {
      throw new DirectLineError(
        403,
        'OriginNotAllowed',
        'Pages of this origin may not use this service (see TRUSTED_ORIGINS).',
      );
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
    const conversation = isConversationId(conversationId)
      ? await this.deps.store.getConversation(conversationId)
      : undefined;
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
