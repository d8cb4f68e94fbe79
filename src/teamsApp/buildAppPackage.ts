/**
 * Builds the Teams app package from manifest/: fills the placeholders in the manifest and its localization
 * files, validates them against the official schemas and our own rules, and zips them with the two icons.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPackageValues } from './appPackageConfig';
import { AppPackageError } from './appPackageError';
import {
  iconProblems,
  localizationProblems,
  manifestProblems,
  type LocalizationFile,
  type ManifestView,
} from './appPackageRules';
import { MANIFEST_DIR } from './manifestDir';
import { validateAgainstSchema } from './officialSchemas';
import { fillPlaceholders } from './placeholders';
import { writeZip, type ZipEntry } from './zip';

export interface AppPackage {
  manifest: ManifestView;
  /** What goes into the zip, in order: manifest.json, the localization files, the icons. */
  entries: ZipEntry[];
  zip: Buffer;
}

function readSource(dir: string, file: string, problems: string[]): Buffer | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push(`${file}: not found in ${dir}`);
    return undefined;
  }
  return readFileSync(path);
}

function parseJson(file: string, bytes: Buffer, problems: string[]): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    problems.push(`${file}: not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** Reads, fills in and schema-validates one JSON file; undefined (with problems) when that fails. */
function loadJson(
  dir: string,
  file: string,
  values: AppPackageValues,
  validate: (json: unknown) => string[],
  problems: string[],
): unknown {
  const bytes = readSource(dir, file, problems);
  const source = bytes && parseJson(file, bytes, problems);
  if (source === undefined) return undefined;
  const { value, unknown } = fillPlaceholders(source, values);
  const found = [...unknown.map((placeholder) => `unknown placeholder ${placeholder}`), ...validate(value)].map(
    (problem) => `${file}: ${problem}`,
  );
  problems.push(...found);
  return found.length ? undefined : value;
}

function jsonEntry(name: string, json: unknown): ZipEntry {
  return { name, data: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8') };
}

/**
 * @example writeFileSync('dist/teams-app.zip', buildAppPackage(readAppPackageValues(process.env)).zip)
 * @throws AppPackageError listing every problem found in the sources
 */
export function buildAppPackage(values: AppPackageValues, dir: string = MANIFEST_DIR): AppPackage {
  const problems: string[] = [];
  const manifestJson = loadJson(
    dir,
    'manifest.json',
    values,
    (json) => {
      const version = (json as { manifestVersion?: unknown } | null)?.manifestVersion;
      return typeof version === 'string'
        ? validateAgainstSchema('manifest', version, json)
        : ['manifestVersion is missing'];
    },
    problems,
  );
  if (manifestJson === undefined) throw new AppPackageError(problems);
  const manifest = manifestJson as ManifestView;
  problems.push(...manifestProblems(manifest));

  const entries: ZipEntry[] = [jsonEntry('manifest.json', manifest)];
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const localization = loadJson(
      dir,
      file,
      values,
      (json) => validateAgainstSchema('localization', manifest.manifestVersion, json),
      problems,
    );
    if (localization === undefined) continue;
    problems.push(...localizationProblems(file, manifest, localization as LocalizationFile));
    entries.push(jsonEntry(file, localization));
  }
  for (const kind of ['color', 'outline'] as const) {
    const file = manifest.icons[kind];
    const png = readSource(dir, file, problems);
    if (!png) continue;
    problems.push(...iconProblems(kind, file, png));
    entries.push({ name: file, data: png });
  }

  if (problems.length) throw new AppPackageError(problems);
  try {
    return { manifest, entries, zip: writeZip(entries) };
  } catch (error) {
    if (error instanceof RangeError)
      throw new AppPackageError([`cannot zip the package: ${error.message}`], { cause: error });
    throw error;
  }
}
