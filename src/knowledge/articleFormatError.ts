/** The error the importer raises for malformed article input, naming the file and line. */
export class ArticleFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ArticleFormatError';
  }
}
