/** The self-hosted Direct Line 3.0 service (filled in by the web chat issue). */
import type { WebModule } from '../server/webModule';

export function createDirectLine(): WebModule {
  return { routes: [] };
}
