/**
 * The web pages served by the bot: the web chat demo (/) and chat page (/chat), the embed script (/embed.js), the
 * Teams tab (/tab) with its entitlement card endpoint, and the fixed list of files they load.
 */
import type { Route } from '../server/createServer';
import type { WebModule } from '../server/webModule';
import { demoPage, embeddedChatPage } from './chatPage';
import { embedScript, EMBED_SCRIPT_PATH } from './embedScript';
import { ENTITLEMENT_CARD_PATH, entitlementCardEndpoint } from './entitlementCardEndpoint';
import { fileBody, staticRoute } from './staticRoute';
import { tabPage } from './tabPage';
import { webAssets } from './webAssets';

/**
 * @example createServer([...createWebPages().routes, …])
 * @throws WebAssetError when a file of the list is missing (an incomplete npm install)
 */
export function createWebPages(): WebModule {
  const assets = webAssets();
  const routes: Route[] = [
    { method: 'get', path: '/', handle: demoPage(assets) },
    { method: 'get', path: '/chat', handle: embeddedChatPage(assets) },
    { method: 'get', path: '/tab', handle: tabPage(assets) },
    { method: 'get', path: ENTITLEMENT_CARD_PATH, handle: entitlementCardEndpoint() },
    staticRoute(EMBED_SCRIPT_PATH, embedScript()),
    ...Object.values(assets).map((asset) => staticRoute(asset.path, fileBody(asset))),
  ];
  return { routes };
}
