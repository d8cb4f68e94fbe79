/** A part of the HTTP surface (Direct Line, the web pages): its routes, and hooks on the raw server. */
import type { Server } from 'node:http';
import type { Route } from './createServer';

export interface WebModule {
  routes: Route[];
  /** Called once the HTTP server exists (for WebSocket upgrades). */
  attach?(server: Server): void;
  close?(): Promise<void>;
}
