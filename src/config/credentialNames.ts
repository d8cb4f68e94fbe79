/**
 * The bot's credentials under either name: the Bot Framework's (`MicrosoftAppId`, `MicrosoftAppPassword`,
 * `MicrosoftAppTenantId`) or the Microsoft 365 Agents Toolkit's and Teams developer CLI's (`CLIENT_ID`,
 * `CLIENT_SECRET`, `TENANT_ID`). One name set is enough; both set to different values is a configuration problem.
 */

/** Each Bot Framework name with the name the Agents Toolkit writes for it. */
export const CREDENTIAL_ALIASES = {
  MicrosoftAppId: 'CLIENT_ID',
  MicrosoftAppPassword: 'CLIENT_SECRET',
  MicrosoftAppTenantId: 'TENANT_ID',
} as const;

export type CredentialName = keyof typeof CREDENTIAL_ALIASES;

/**
 * @example credential(value, 'MicrosoftAppId', problems) // the value of MicrosoftAppId, else of CLIENT_ID
 * @returns '' when neither is set; pushes a problem (never the values: one is a secret) when they differ
 */
export function credential(value: (key: string) => string, name: CredentialName, problems: string[]): string {
  const alias = CREDENTIAL_ALIASES[name];
  const [own, aliased] = [value(name), value(alias)];
  if (own && aliased && own !== aliased)
    problems.push(
      `${name} and ${alias} are two names for one setting and differ: set one of them, or both to the same value`,
    );
  return own || aliased;
}
