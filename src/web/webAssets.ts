/**
 * The files the web pages load, as a fixed list: URL path → file on disk, content type and caching. Nothing from
 * a request's URL is ever joined to a file system path; a path not in this list is not a route at all (404).
 * Vendor bundles carry their package version in the path and are cached as immutable; our own files are
 * revalidated with an ETag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';

export type Caching = 'immutable' | 'revalidate';

export interface WebAsset {
  /** The exact URL path it is served at. */
  path: string;
  /** Absolute path of the file. */
  file: string;
  contentType: string;
  caching: Caching;
  /** Other sites load it (the embed script): Cross-Origin-Resource-Policy cross-origin. */
  crossOrigin?: boolean;
}

export class WebAssetError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebAssetError';
  }
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const PNG = 'image/png';

/** Where the browser code of the pages lives (served as is, no build step). */
export const BROWSER_DIR = join(PROJECT_ROOT, 'src', 'web', 'browser');

interface InstalledPackage {
  dir: string;
  version: string;
}

/** An installed npm package's folder and version, found from its main entry (some packages export no package.json). */
function installedPackage(name: string): InstalledPackage {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch (cause) {
    throw new WebAssetError(`the web pages need the npm package ${name}, which is not installed: run npm install`, {
      cause,
    });
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return { dir, version: pkg.version };
  }
  throw new WebAssetError(`no package.json of ${name} above ${entry}`);
}

/** A vendor bundle under /vendor/<name>@<version>/<file name>, cached for a year: a new version is a new URL. */
function vendorAsset(name: string, fileInPackage: string): WebAsset {
  const pkg = installedPackage(name);
  const file = join(pkg.dir, fileInPackage);
  const fileName = fileInPackage.split('/').pop() ?? fileInPackage;
  return {
    path: `/vendor/${name.replace('/', '-').replace('@', '')}@${pkg.version}/${fileName}`,
    file,
    contentType: JS,
    caching: 'immutable',
  };
}

export type WebAssets = {
  webChat: WebAsset;
  teamsJs: WebAsset;
  adaptiveCards: WebAsset;
  pageLanguageScript: WebAsset;
  chatScript: WebAsset;
  chatStyle: WebAsset;
  cardMarkdownScript: WebAsset;
  tabScript: WebAsset;
  tabStyle: WebAsset;
  icon: WebAsset;
};

/**
 * The fixed list. Fails fast, naming the file, when one is missing (an incomplete npm install).
 * @example webAssets().webChat.path // '/vendor/botframework-webchat@4.18.1/webchat.js'
 */
export function webAssets(): WebAssets {
  const own = (name: string, contentType: string): WebAsset => ({
    path: `/web/${name}`,
    file: join(BROWSER_DIR, name),
    contentType,
    caching: 'revalidate',
  });
  const assets: WebAssets = {
    webChat: vendorAsset('botframework-webchat', 'dist/webchat.js'),
    teamsJs: vendorAsset('@microsoft/teams-js', 'dist/umd/MicrosoftTeams.min.js'),
    adaptiveCards: vendorAsset('adaptivecards', 'dist/adaptivecards.min.js'),
    pageLanguageScript: own('pageLanguage.js', JS),
    chatScript: own('chat.js', JS),
    chatStyle: own('chat.css', CSS),
    cardMarkdownScript: own('cardMarkdown.js', JS),
    tabScript: own('tab.js', JS),
    tabStyle: own('tab.css', CSS),
    icon: {
      path: '/web/icon.png',
      file: join(PROJECT_ROOT, 'manifest', 'color.png'),
      contentType: PNG,
      caching: 'revalidate',
    },
  };
  for (const asset of Object.values(assets)) {
    if (!existsSync(asset.file)) throw new WebAssetError(`the file served at ${asset.path} is missing: ${asset.file}`);
  }
  return assets;
}
