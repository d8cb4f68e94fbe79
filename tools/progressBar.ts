/** A progress bar on stderr, drawn only when stderr is a terminal and at most ten times a second. */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly total?: number,
  ) {}

  tick(done: number): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const rate = Math.round((done / Math.max(1, now - this.started)) * 1000);
    const width = 30;
    const bar = this.total ? `[${'#'.repeat(Math.round((done / this.total) * width)).padEnd(width, '.')}] ` : '';
    this.stream.write(`\r${bar}${done}${this.total ? `/${this.total}` : ''} questions, ${rate}/s`);
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\r\x1b[K');
  }
}
