/** The Teams app sources in manifest/, read as the package reads them, with sample values for the placeholders. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { onTestFinished } from 'vitest';
import type { AppPackageValues } from '../../src/teamsApp/appPackageConfig';
import type { LocalizationFile, ManifestView } from '../../src/teamsApp/appPackageRules';
import { MANIFEST_DIR } from '../../src/teamsApp/manifestDir';
import { fillPlaceholders } from '../../src/teamsApp/placeholders';

export const SAMPLE_VALUES: AppPackageValues = {
  TEAMS_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  MicrosoftAppId: 'b7c6a5d4-1e2f-4a3b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'mpn-bot.example.com',
};

export const LANGUAGE_FILES = ['ru-ru.json', 'pt-br.json', 'fr-fr.json'] as const;

/** What the Teams app package holds, in order. */
export const PACKAGE_FILES = ['manifest.json', ...LANGUAGE_FILES, 'color.png', 'outline.png'];

/** A temporary folder, removed when the current test finishes. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function readSource(file: string, dir = MANIFEST_DIR): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
}

/** manifest.json with the sample values filled in. */
export function sampleManifest(): ManifestView & Record<string, unknown> {
  return fillPlaceholders(readSource('manifest.json'), SAMPLE_VALUES).value as ManifestView & Record<string, unknown>;
}

export function sampleLocalization(file: string): LocalizationFile {
  return fillPlaceholders(readSource(file), SAMPLE_VALUES).value as LocalizationFile;
}

/** A copy of manifest/ in a temporary folder (for the current test), with `change` applied to the JSON file `file`. */
export function manifestDirWith(file?: string, change?: (json: Record<string, unknown>) => void): string {
  const dir = temporaryDir('teams-app-');
  cpSync(MANIFEST_DIR, dir, { recursive: true });
  if (file && change) {
    const json = readSource(file, dir) as Record<string, unknown>;
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  }
  return dir;
}

/** A ZIP's entries in order: name, compression method (0 stored, 8 deflated) and bytes (CRC-checked by fflate). */
export function zipEntries(zip: Uint8Array): { name: string; method: number; data: Buffer }[] {
  const methods = new Map<string, number>();
  const files = unzipSync(zip, { filter: (file) => (methods.set(file.name, file.compression), true) });
  return Object.entries(files).map(([name, data]) => ({
    name,
    method: methods.get(name) ?? -1,
    data: Buffer.from(data),
  }));
}

/** 8-bit RGBA pixels (row by row from the top left) as a PNG file. */
export function pngFile(width: number, height: number, pixels: Uint8Array): Buffer {
  const image = new PNG({ width, height });
  image.data = Buffer.from(pixels);
  return PNG.sync.write(image);
}

/** The committed outline icon's pixels (32×32, 8-bit RGBA): a valid outline icon a test can spoil. */
export function outlineIconPixels(): Uint8Array {
  return new Uint8Array(PNG.sync.read(readFileSync(join(MANIFEST_DIR, 'outline.png'))).data);
}
