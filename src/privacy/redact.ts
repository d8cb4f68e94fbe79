/**
 * Masks what partners must not find in logs, tickets, transcripts or exports: Access IDs and Contract IDs
 * (named as such in any of the four languages, or pasted as letter-and-digit codes, runs of 6 or more digits,
 * or digits grouped by spaces or hyphens), e-mail addresses, GUIDs and bearer tokens; in the text's NFKC form,
 * so full-width digits and ＠ are no disguise.
 */

export const MASKS = {
  accessId: '[ACCESS ID]',
  contractId: '[CONTRACT ID]',
  email: '[EMAIL]',
  guid: '[GUID]',
  token: '[TOKEN]',
  code: '[ID]',
} as const;

/**
 * What follows an ID's name: separators and up to three linking words ("is", "é", "est", "это", a dash or a
 * bracket), then a code with at least one digit (so "Access ID will be displayed" stays as it is).
 */
const ID_VALUE = String.raw`(?:[\s:#="'«»“”(\[—–-]|(?<!\p{L})(?:is|was|are|é|e|est|это)(?!\p{L})){0,8}((?=[A-Za-z-]{0,64}\d)[A-Za-z0-9][A-Za-z0-9-]{3,64})`;
const ACCESS_ID_NAMES = String.raw`access[\s_-]*id|id\s+d['’]?\s*acc[eè]s|identifiant\s+d['’]?\s*acc[eè]s|id\s+de\s+acesso|c[oó]digo\s+de\s+acesso|идентификатор\w*\s+доступа|ид\s+доступа|айди\s+доступа|access\s*айди`;
const CONTRACT_ID_NAMES = String.raw`contract[\s_-]*(?:id|number|no\.?)|id\s+(?:du\s+|de\s+)?contrat|num[eé]ro\s+de\s+contrat|id\s+do\s+contrato|n[uú]mero\s+do\s+contrato|идентификатор\w*\s+контракта|ид\s+контракта|номер\w*\s+контракта|id\s+контракта`;

// Every pattern starts a match only where a run of its characters starts, and bounds what it scans (64
// characters for a code or an address's local part): redaction stays linear in the text's length, even for
// a 262 KB message of one word.
const PATTERNS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, () => `Bearer ${MASKS.token}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, () => MASKS.token],
  [
    /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu,
    () => MASKS.email,
  ],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, () => MASKS.guid],
  [
    new RegExp(`(${ACCESS_ID_NAMES})${ID_VALUE}`, 'giu'),
    (m, _name: string, value: string) => m.replace(value, MASKS.accessId),
  ],
  [
    new RegExp(`(${CONTRACT_ID_NAMES})${ID_VALUE}`, 'giu'),
    (m, _name: string, value: string) => m.replace(value, MASKS.contractId),
  ],
  // A pasted code of letters and digits (8 or more, at least three digits and two letters) is treated as an ID,
  // except a Knowledge Base article number (KB5005565) and the bot's own ticket number (MPN-000123), which are public.
  [
    /(?<![\p{L}\p{N}[-])(?!(?:KB\d{1,10}|MPN-\d{6,12})(?![\p{L}\p{N}]))(?=(?:[A-Za-z-]{0,64}\d){3})(?=(?:[\d-]{0,64}[A-Za-z]){2})[A-Za-z0-9][A-Za-z0-9-]{6,62}[A-Za-z0-9](?![\p{L}\p{N}])/giu,
    () => MASKS.code,
  ],
  // A run of 6 or more digits (contract numbers are often all digits), except a Knowledge Base number (KB 5005565)
  // and the bot's own ticket numbers (MPN-000123, ticketTransitions.ts), which are public references.
  [/(?<![\p{L}\p{N}]|KB[\s#-]?|MPN-)\d{6,}(?![\p{L}\p{N}])/giu, () => MASKS.code],
  // 6 or more digits in groups: thousands apart (12 345 678) or hyphenated (123-456-789), not an ISO date; a
  // bounded number of groups, so a match is short wherever it starts.
  [
    /(?<![\p{L}\p{N}.,-])(?!\d{4}-\d{1,2}-\d{1,2}(?!\d))(?=(?:\d[ -]?){6})\d{1,6}(?:(?: \d{3}){1,8}|(?:-\d{2,6}){1,8})(?![\p{L}\p{N}])/gu,
    () => MASKS.code,
  ],
];

/**
 * @example redact('Access ID: 7QX2-99AB-K3, mail jane@contoso.com') // 'Access ID: [ACCESS ID], mail [EMAIL]'
 */
export function redact(text: string): string {
  const normalized = text.normalize('NFKC');
  // Every pattern needs a digit, "@", "-", "Bearer" or "eyJ" (in the NFKC form, which never drops an ASCII one):
  // most strings of a card have none, and skip the patterns.
  if (!MAY_HOLD_AN_IDENTIFIER.test(normalized)) return text;
  const masked = applyPatterns(text);
  if (normalized === text) return masked;
  // Full-width, circled, ligatures…: matched in their NFKC form, and the text kept as written unless that form
  // holds something to mask (then the masked NFKC form is what is kept).
  const maskedNormalized = applyPatterns(normalized);
  return maskedNormalized === normalized ? masked : maskedNormalized;
}

const MAY_HOLD_AN_IDENTIFIER = /[0-9@-]|bearer|eyj/i;

function applyPatterns(text: string): string {
  let result = text;
  for (const [pattern, replace] of PATTERNS)
    result = result.replace(pattern, replace as (substring: string, ...args: unknown[]) => string);
  return result;
}
