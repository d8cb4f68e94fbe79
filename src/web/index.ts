/** The web pages: the web chat demo, the embed script and the Teams tab (filled in by the web chat issue). */
import type { WebModule } from '../server/webModule';

export function createWebPages(): WebModule {
  return { routes: [] };
}
