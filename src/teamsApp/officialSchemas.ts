/**
 * The official Teams app manifest and localization JSON schemas, read offline from the copies that the
 * `@microsoft/app-manifest` package ships (build/json-schemas/teams/v1.N/), and validated with Ajv.
 * They are draft-04 schemas, hence `ajv-draft-04`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export type SchemaKind = 'manifest' | 'localization';

const FILE_OF: Readonly<Record<SchemaKind, string>> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

const SCHEMAS_DIR = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

/** @example schemaUrl('localization', '1.30') // 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json' */
export function schemaUrl(kind: SchemaKind, manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/${FILE_OF[kind]}`;
}

/** The file of the official schema, or undefined when the package has none for that manifest version. */
export function schemaFile(kind: SchemaKind, manifestVersion: string): string | undefined {
  const file = join(SCHEMAS_DIR, `v${manifestVersion}`, FILE_OF[kind]);
  return /^\d+\.\d+$/.test(manifestVersion) && existsSync(file) ? file : undefined;
}

/** The manifest versions whose schemas the package ships, oldest first. @example bundledManifestVersions().at(-1) // '1.30' */
export function bundledManifestVersions(): string[] {
  return readdirSync(SCHEMAS_DIR)
    .map((dir) => /^v(\d+\.\d+)$/.exec(dir)?.[1])
    .filter((version): version is string => version !== undefined && schemaFile('manifest', version) !== undefined)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(file: string): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    // The official schemas are not written for Ajv's strict mode (unknown keywords, `additionalProperties` without
    // `type`), and some of their patterns are not valid with the `u` flag, hence these options.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    validators.set(file, validate);
  }
  return validate;
}

function explain(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? `: "${String(params.additionalProperty)}"`
      : error.keyword === 'enum'
        ? `: ${JSON.stringify(params.allowedValues)}`
        : error.keyword === 'const'
          ? `: ${JSON.stringify(params.allowedValue)}`
          : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/**
 * Validates a document against the official schema of `kind` for a manifest version.
 * @returns one line per violation ("/bots/0/botId must match pattern …"), empty when it is valid
 * @example validateAgainstSchema('manifest', '1.30', manifest) // []
 */
export function validateAgainstSchema(kind: SchemaKind, manifestVersion: string, document: unknown): string[] {
  const file = schemaFile(kind, manifestVersion);
  if (!file) return [`no official ${kind} schema for manifest version "${manifestVersion}" in @microsoft/app-manifest`];
  const validate = validatorFor(file);
  return validate(document) ? [] : [...new Set((validate.errors ?? []).map(explain))];
}
