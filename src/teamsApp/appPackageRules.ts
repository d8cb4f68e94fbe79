/**
 * What the official schemas cannot say about our Teams app package: the limits Teams shows commands within, that
 * every localization file translates exactly the manifest's strings, that the $schema URLs match the manifest
 * version, that tab pages are on a valid domain, and that the icons are the PNGs Teams asks for.
 */
import { PNG } from 'pngjs';
import { schemaUrl } from './officialSchemas';

/** The part of a (schema-valid) manifest these rules read. */
export interface ManifestView {
  $schema?: string;
  manifestVersion: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots?: { commandLists?: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
  composeExtensions?: {
    commands?: { title: string; description?: string; parameters?: { title: string; description?: string }[] }[];
    messageHandlers?: { type: string; value: { domains?: string[] } }[];
  }[];
  staticTabs?: { entityId: string; name?: string; contentUrl?: string; websiteUrl?: string; searchUrl?: string }[];
  validDomains?: string[];
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: { languageTag: string; file: string }[] };
}

/** A localization file: `name.short`, `bots[0].commandLists[1].commands[6].title`… and its `$schema`. */
export type LocalizationFile = Readonly<Record<string, unknown>>;

/** Teams shows a bot command's title in at most 32 characters and its description in at most 128. */
export const COMMAND_TITLE_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 128;
export const ICON_SIZE = { color: 192, outline: 32 } as const;

const NOT_TRANSLATED = new Set(['$schema', 'localizationKeys']);

/** Characters as JSON Schema's maxLength counts them (code points). */
export function lengthOf(text: string): number {
  return [...text].length;
}

/**
 * The manifest's strings that a localization file translates, by their key in localization files.
 * @example localizableStrings(manifest).get('bots[0].commandLists[0].commands[0].title') // 'help'
 */
export function localizableStrings(manifest: ManifestView): Map<string, string> {
  const strings = new Map<string, string>([
    ['name.short', manifest.name.short],
    ['description.short', manifest.description.short],
    ['description.full', manifest.description.full],
  ]);
  if (manifest.name.full !== undefined) strings.set('name.full', manifest.name.full);
  manifest.bots?.[0]?.commandLists?.forEach((list, i) =>
    list.commands.forEach((command, j) => {
      strings.set(`bots[0].commandLists[${i}].commands[${j}].title`, command.title);
      if (command.description !== undefined)
        strings.set(`bots[0].commandLists[${i}].commands[${j}].description`, command.description);
    }),
  );
  manifest.composeExtensions?.[0]?.commands?.forEach((command, i) => {
    const key = `composeExtensions[0].commands[${i}]`;
    strings.set(`${key}.title`, command.title);
    if (command.description !== undefined) strings.set(`${key}.description`, command.description);
    command.parameters?.forEach((parameter, j) => {
      strings.set(`${key}.parameters[${j}].title`, parameter.title);
      if (parameter.description !== undefined)
        strings.set(`${key}.parameters[${j}].description`, parameter.description);
    });
  });
  manifest.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) strings.set(`staticTabs[${i}].name`, tab.name);
  });
  return strings;
}

/** The bot commands as one language shows them: the manifest's own, or a localization file's over them. */
export function commandsIn(
  manifest: ManifestView,
  localization: LocalizationFile = {},
): { key: string; list: number; title: string; description?: string }[] {
  return (manifest.bots?.[0]?.commandLists ?? []).flatMap((list, i) =>
    list.commands.map((command, j) => {
      const key = `bots[0].commandLists[${i}].commands[${j}]`;
      const title = localization[`${key}.title`];
      const description = localization[`${key}.description`];
      return {
        key,
        list: i,
        title: typeof title === 'string' ? title : command.title,
        ...(typeof description === 'string'
          ? { description }
          : command.description !== undefined
            ? { description: command.description }
            : {}),
      };
    }),
  );
}

function commandProblems(file: string, manifest: ManifestView, localization?: LocalizationFile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const command of commandsIn(manifest, localization)) {
    if (lengthOf(command.title) > COMMAND_TITLE_MAX) {
      problems.push(
        `${file}: ${command.key}.title "${command.title}" has ${lengthOf(command.title)} characters, Teams shows at most ${COMMAND_TITLE_MAX}`,
      );
    }
    if (command.description !== undefined && lengthOf(command.description) > COMMAND_DESCRIPTION_MAX) {
      problems.push(
        `${file}: ${command.key}.description has ${lengthOf(command.description)} characters, Teams shows at most ${COMMAND_DESCRIPTION_MAX}`,
      );
    }
    const id = `${command.list}:${command.title.trim().toLowerCase()}`;
    if (seen.has(id))
      problems.push(`${file}: the title "${command.title}" appears twice in bots[0].commandLists[${command.list}]`);
    seen.add(id);
  }
  return problems;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.replace(/\{[^}]*\}/g, 'x')).hostname;
  } catch {
    return undefined;
  }
}

function domainMatches(host: string, domain: string): boolean {
  const pattern = domain.toLowerCase();
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/** The manifest's own rules: its $schema, its commands, tab URLs on valid domains, distinct language tags. */
export function manifestProblems(manifest: ManifestView): string[] {
  const problems: string[] = [];
  const expectedSchema = schemaUrl('manifest', manifest.manifestVersion);
  if (manifest.$schema !== expectedSchema)
    problems.push(`manifest.json: $schema must be ${expectedSchema} for manifestVersion ${manifest.manifestVersion}`);
  problems.push(...commandProblems('manifest.json', manifest));

  for (const [i, tab] of (manifest.staticTabs ?? []).entries()) {
    for (const field of ['contentUrl', 'websiteUrl', 'searchUrl'] as const) {
      const url = tab[field];
      if (url === undefined) continue;
      const host = hostOf(url);
      if (!host) problems.push(`manifest.json: staticTabs[${i}].${field} is not a URL: "${url}"`);
      else if (!(manifest.validDomains ?? []).some((domain) => domainMatches(host, domain))) {
        problems.push(`manifest.json: staticTabs[${i}].${field} is on ${host}, which is not in validDomains`);
      }
    }
  }

  const tags = [
    manifest.localizationInfo?.defaultLanguageTag,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.languageTag),
  ];
  const duplicates = tags.filter(
    (tag, i) => tag !== undefined && tags.findIndex((other) => other?.toLowerCase() === tag.toLowerCase()) !== i,
  );
  if (duplicates.length)
    problems.push(`manifest.json: localizationInfo names ${[...new Set(duplicates)].join(', ')} more than once`);
  return problems;
}

/** A localization file's rules: the right $schema, a translation for every string of the manifest and nothing else. */
export function localizationProblems(file: string, manifest: ManifestView, localization: LocalizationFile): string[] {
  const problems: string[] = [];
  const expectedSchema = schemaUrl('localization', manifest.manifestVersion);
  if (localization.$schema !== expectedSchema)
    problems.push(`${file}: $schema must be ${expectedSchema} for manifestVersion ${manifest.manifestVersion}`);
  const strings = localizableStrings(manifest);
  for (const [key, english] of strings) {
    if (typeof localization[key] !== 'string') problems.push(`${file}: no translation for ${key} ("${english}")`);
  }
  for (const key of Object.keys(localization)) {
    if (!NOT_TRANSLATED.has(key) && !strings.has(key))
      problems.push(`${file}: ${key} translates nothing in manifest.json`);
  }
  problems.push(...commandProblems(file, manifest, localization));
  return problems;
}

/**
 * An icon's rules: a PNG (any pngjs reads) of the size Teams asks for; the outline icon with transparency and only
 * white or fully transparent pixels.
 */
export function iconProblems(kind: 'color' | 'outline', file: string, png: Buffer): string[] {
  const size = ICON_SIZE[kind];
  let image: ReturnType<typeof PNG.sync.read>;
  try {
    image = PNG.sync.read(png);
  } catch {
    return [`${file}: not a readable PNG`];
  }
  if (image.width !== size || image.height !== size)
    return [`${file}: the ${kind} icon must be ${size}×${size} pixels, not ${image.width}×${image.height}`];
  if (kind === 'color') return [];
  if (!image.alpha) return [`${file}: the outline icon needs an alpha channel (a PNG with transparency)`];
  const pixels = image.data;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = pixels.subarray(i, i + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      const at = i / 4;
      return [
        `${file}: the outline icon must be white on transparent, but pixel (${at % size}, ${Math.floor(at / size)}) is rgba(${r}, ${g}, ${b}, ${a})`,
      ];
    }
  }
  return [];
}
