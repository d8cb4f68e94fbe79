/** The rules: pure decisions shared by the bot, the web chat, the Teams tab and triage. No botbuilder here. */
export * from './decision';
export * from './decide';
export * from './entitlement';
export * from './facts';
export * from './portals';
export type { Route } from './requestRoute';
export { whereToFile } from './requestRoute';
export { ACTIVATING_ROLES } from './activation';
