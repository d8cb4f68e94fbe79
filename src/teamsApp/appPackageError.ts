/** Why the Teams app package cannot be built: every problem found, listed, so they can be fixed in one go. */
export class AppPackageError extends Error {
  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`the Teams app package cannot be built:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, options);
    this.name = 'AppPackageError';
  }
}
