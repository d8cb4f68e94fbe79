/**
 * Headless Chromium for the browser tests: Debian's chromium (never a downloaded browser) driven by
 * playwright-core, each test file in its own temporary profile, every console error and failed request of a
 * page collected, screenshots kept under test-artifacts/browser/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/contentPath';
import { startApp, type RunningApp } from './testApp';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The browser tests' describe: in CI (CI=true, where .ci/run installs Chromium) they always run and fail
 * without it; on a developer's machine without Chromium they are skipped, saying how to run them, so the
 * README's `npm test` passes on a fresh machine.
 */
export const describeInBrowser = existsSync(CHROMIUM_PATH) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM_PATH) && !process.env.CI) {
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-artifacts', 'browser');

/** This machine has no network: nothing in the background may try to reach one. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts Chromium in a new temporary profile (playwright-core creates and removes it).
 * @throws when Chromium is not installed: the browser tests fail, they are never skipped
 */
async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need Debian's chromium package ` +
        '(`apt-get install chromium`, which .ci/run does) or CHROMIUM_PATH set to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

let launched: Promise<Browser> | undefined;

/**
 * The test file's browser, started on first use. Every test asks for it, so without Chromium each test fails
 * with the reason (a failed beforeAll would only mark them skipped).
 */
export function chromiumBrowser(): Promise<Browser> {
  launched ??= launchChromium();
  return launched;
}

export async function closeChromium(): Promise<void> {
  const browser = launched;
  launched = undefined;
  await browser?.then(
    (started) => started.close(),
    () => undefined,
  );
}

/** @microsoft/teams-js fetches its list of valid host origins from Microsoft's CDN when it loads: answered here. */
async function answerTeamsJsOriginList(context: BrowserContext): Promise<void> {
  await context.route('https://res.cdn.office.net/teams-js/**', (route) =>
    route.fulfill({
      json: {
        validOrigins: [
          'teams.microsoft.com',
          '*.teams.microsoft.com',
          'outlook.office.com',
          '*.office.com',
          '*.cloud.microsoft',
        ],
      },
    }),
  );
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as "kind: text". */
  problems: string[];
}

/** Records what goes wrong on a page (and in its frames). */
export function watch(page: Page): WatchedPage {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  return { page, problems };
}

/** A new context (its own cookies and storage, the given browser locale) and a watched page in it. */
export async function openPage(
  options: BrowserContextOptions = {},
): Promise<WatchedPage & { context: BrowserContext }> {
  const browser = await chromiumBrowser();
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
  await answerTeamsJsOriginList(context);
  const page = await context.newPage();
  return { context, ...watch(page) };
}

/**
 * Saves a screenshot as test-artifacts/browser/<name>.png and returns its path. The whole page by default; the
 * viewport for a page whose content is in a frame of another site (Chromium draws such a frame blank in a
 * full-page capture).
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * The real app on loopback for a browser test file: started before its tests, Chromium and the app closed after.
 * `env` adds to its configuration; `before` runs first (to fill a storage the app then opens).
 * @example const app = appForBrowser(); … await page.goto(`${app.url}/`);
 */
export function appForBrowser(
  options: NonNullable<Parameters<typeof startApp>[0]> & { before?: () => Promise<void> } = {},
): { readonly url: string } {
  let app: RunningApp | undefined;
  beforeAll(async () => {
    const { before, ...start } = options;
    await before?.();
    app = await startApp(start);
  });
  afterAll(async () => {
    await closeChromium();
    await app?.close();
  });
  return {
    get url(): string {
      if (!app) throw new Error('the app is not started: appForBrowser() must be called at the top of a test file');
      return app.url;
    },
  };
}
