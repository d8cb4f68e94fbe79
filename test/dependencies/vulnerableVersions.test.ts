/**
 * Known-vulnerable transitive versions stay out: package.json `overrides` pin them up, and this test reads the
 * lockfile so that an older one coming back (a new dependency, a lost override) fails the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { overrides?: Record<string, string> };

/** The lowest safe version of each package (advisories: jws HMAC verification, axios SSRF/DoS, sanitize-html XSS). */
const MINIMUM: Record<string, string> = { jws: '4.0.1', axios: '1.12.0', 'sanitize-html': '2.17.7' };

function compare(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if ((x?.[i] ?? 0) !== (y?.[i] ?? 0)) return (x?.[i] ?? 0) - (y?.[i] ?? 0);
  return 0;
}

function installed(name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, entry]) => ({ path, version: entry.version ?? '0.0.0' }));
}

describe.each(Object.entries(MINIMUM))('%s', (name, minimum) => {
  it(`is at least ${minimum} wherever the lockfile installs it`, () => {
    expect(installed(name).length, `${name} is not in the lockfile: is this check still needed?`).toBeGreaterThan(0);
    const old = installed(name).filter(({ version }) => compare(version, minimum) < 0);
    expect(old).toEqual([]);
  });

  it('is pinned up by an override in package.json', () => {
    expect(manifest.overrides?.[name]).toBeDefined();
  });
});

it('the comparison itself tells old from new', () => {
  expect(compare('2.13.0', '2.17.7')).toBeLessThan(0);
  expect(compare('4.0.1', '4.0.1')).toBe(0);
  expect(compare('1.21.1', '1.12.0')).toBeGreaterThan(0);
});
