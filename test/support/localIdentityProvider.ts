/**
 * A Bot Framework token issuer on loopback for tests: an OpenID configuration and a JWKS of our own RSA key,
 * and tokens signed as the Bot Framework channel service signs them (or forged, for the negative cases).
 */
import { createHmac, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
const KEY_ID = 'local-test-key';

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export interface TokenOptions {
  audience: string;
  serviceUrl: string;
  expiresInSeconds?: number;
  issuer?: string;
  /** Sign with this key instead of the published one (a forged signature). */
  signingKey?: KeyObject;
  /** "RS256" (default), "HS256" (signed with the public key as an HMAC secret) or "none". */
  algorithm?: 'RS256' | 'HS256' | 'none';
}

export class LocalIdentityProvider {
  readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;

  get origin(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the identity provider is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  get openIdMetadataUrl(): string {
    return `${this.origin}/.well-known/openid-configuration`;
  }

  async start(): Promise<this> {
    const jwk = {
      ...this.keys.publicKey.export({ format: 'jwk' }),
      kid: KEY_ID,
      use: 'sig',
      alg: 'RS256',
      endorsements: ['msteams', 'webchat', 'directline', 'test'],
    };
    this.server = createServer((req, res) => {
      const body =
        req.url === '/.well-known/openid-configuration'
          ? {
              issuer: CHANNEL_ISSUER,
              jwks_uri: `${this.origin}/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            }
          : req.url === '/keys'
            ? { keys: [jwk] }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(body ? JSON.stringify(body) : '');
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  token(options: TokenOptions): string {
    const algorithm = options.algorithm ?? 'RS256';
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: algorithm, typ: 'JWT', kid: KEY_ID }));
    const payload = base64url(
      JSON.stringify({
        iss: options.issuer ?? CHANNEL_ISSUER,
        aud: options.audience,
        serviceurl: options.serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + (options.expiresInSeconds ?? 3600),
      }),
    );
    const signed = `${header}.${payload}`;
    if (algorithm === 'none') return `${signed}.`;
    if (algorithm === 'HS256') {
      const secret = this.keys.publicKey.export({ format: 'pem', type: 'spki' });
      return `${signed}.${base64url(createHmac('sha256', secret).update(signed).digest())}`;
    }
    return `${signed}.${base64url(sign('RSA-SHA256', Buffer.from(signed), options.signingKey ?? this.keys.privateKey))}`;
  }

  /** A key that is not the published one, for forged signatures. */
  static otherKey(): KeyObject {
    return createPrivateKey(
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
  }
}
