/** The closing summary of a triage run: questions per route and per language. */
export class TriageSummary {
  private readonly byRoute = new Map<string, number>();
  private readonly byLang = new Map<string, number>();
  private total = 0;

  add(route: string, lang: string): void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.byLang.set(lang, (this.byLang.get(lang) ?? 0) + 1);
  }

  toString(): string {
    const table = (title: string, counts: Map<string, number>) =>
      [
        `${title}:`,
        ...[...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(
            ([key, n]) =>
              `  ${key.padEnd(26)} ${String(n).padStart(7)}  ${((n / (this.total || 1)) * 100).toFixed(1).padStart(5)}%`,
          ),
      ].join('\n');
    return [`${this.total} questions triaged`, table('by route', this.byRoute), table('by language', this.byLang)].join(
      '\n',
    );
  }
}
