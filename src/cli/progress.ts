/**
 * Progress of a long read on a terminal: rows read and rate, on one line of
 * stderr that is rewritten in place and cleared at the end. Silent when
 * stderr is not a terminal, with --quiet, and for reads shorter than a quarter of a second.
 */
import type { Locale } from '../text/said.js';
import type { Terminal } from './io.js';

export class Progress {
  private started = 0;
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: Terminal | null,
    private readonly now: () => number = () => performance.now(),
    private readonly locale: Locale = 'nb',
  ) {}

  static for(stream: Terminal, quiet: boolean, locale: Locale, now?: () => number): Progress {
    return new Progress(stream.isTTY && !quiet ? stream : null, now, locale);
  }

  update(file: string, rows: number, bytes: number, size: number): void {
    if (!this.out) return;
    const t = this.now();
    if (this.started === 0) this.started = t;
    if (t - this.started < 250 || t - this.last < 100) return;
    this.last = t;
    const rate = rows / ((t - this.started) / 1000);
    const pct = size > 0 ? Math.floor((100 * bytes) / size) : 100;
    const count = rows.toLocaleString('en').replace(/,/g, ' ');
    const speed = (rate / 1e6).toFixed(2);
    this.out.write(
      this.locale === 'nb'
        ? `\r\x1b[Kleser ${file}: ${count} rader (${pct} %), ${speed.replace('.', ',')} mill. rader/s`
        : `\r\x1b[Kreading ${file}: ${count} rows (${pct} %), ${speed} M rows/s`,
    );
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.out!.write('\r\x1b[K');
    this.shown = false;
    this.started = 0;
    this.last = 0;
  }
}
