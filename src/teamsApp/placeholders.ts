/**
 * Teams Toolkit style placeholders, `${{NAME}}`, in the string values of a JSON document: filled in from the
 * environment's values, and an unknown name reported with where it is rather than left in the package.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface Substitution<T> {
  value: T;
  /** `${{NAME}} at /json/pointer` for every placeholder that has no value. */
  unknown: string[];
}

/** The placeholder names used anywhere in a document's strings. @example placeholdersIn({ id: '${{TEAMS_APP_ID}}' }) // ['TEAMS_APP_ID'] */
export function placeholdersIn(json: unknown): string[] {
  const names = new Set<string>();
  substitute(json, {}, (name) => names.add(name));
  return [...names].sort();
}

/**
 * A copy of `json` with every `${{NAME}}` in its strings (keys stay as they are) replaced by `values[NAME]`.
 * @example fillPlaceholders({ botId: '${{MicrosoftAppId}}' }, { MicrosoftAppId: 'x' }).value // { botId: 'x' }
 */
export function fillPlaceholders<T>(json: T, values: Readonly<Record<string, string>>): Substitution<T> {
  const unknown: string[] = [];
  const value = substitute(json, values, (name, pointer) => unknown.push(`\${{${name}}} at ${pointer || '/'}`)) as T;
  return { value, unknown };
}

function substitute(
  json: unknown,
  values: Readonly<Record<string, string>>,
  missing: (name: string, pointer: string) => void,
  pointer = '',
): unknown {
  if (typeof json === 'string') {
    return json.replace(PLACEHOLDER, (whole, name: string) => {
      if (Object.hasOwn(values, name)) return values[name] ?? whole;
      missing(name, pointer);
      return whole;
    });
  }
  if (Array.isArray(json)) return json.map((item, index) => substitute(item, values, missing, `${pointer}/${index}`));
  if (typeof json === 'object' && json !== null) {
    return Object.fromEntries(
      Object.entries(json).map(([key, item]) => [
        key,
        substitute(item, values, missing, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
      ]),
    );
  }
  return json;
}
