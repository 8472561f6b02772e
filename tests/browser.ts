import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { tempDir } from './temp.js';

/** The real browser and PDF reader the page tests print with; `.ci/run` installs them. SAMKOST_SKIP_BROWSER=1 skips those tests. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
export const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
export const skip = process.env.SAMKOST_SKIP_BROWSER === '1';

/** nb format written out here, not borrowed from src: `-1234567.8` → `-1 234 567,80`. */
export function nb(amount: string): string {
  const [int, frac] = amount.replace('-', '').split('.') as [string, string];
  return `${amount.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}`;
}

interface Reply {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * One headless chromium for a whole test file, driven over the DevTools
 * protocol on a pipe (`--remote-debugging-pipe`: requests on fd 3, replies on
 * fd 4, each a JSON text ended by NUL). Starting chromium costs about a second
 * and a half; printing a page a tenth of that, so the browser tests start it
 * once instead of once per page. Printing asks for the page's own CSS size
 * (`@page { size: A4 }`), as chromium's `--print-to-pdf` does.
 */
export class Browser {
  private readonly child: ChildProcess;
  private readonly input: Writable;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((r: Reply) => void)[] = [];
  private readonly exited: Promise<void>;
  private exitCode: number | string | undefined;
  private said = '';

  constructor() {
    const profile = tempDir('chromium');
    this.child = spawn(
      CHROMIUM!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--remote-debugging-pipe',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    // Its last words, for the error when it dies.
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      this.said = (this.said + text).slice(-2000);
    });
    this.input = this.child.stdio[3] as Writable;
    const output = this.child.stdio[4] as Readable;
    let pending = '';
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      pending += chunk;
      let end = pending.indexOf('\0');
      while (end >= 0) {
        this.receive(JSON.parse(pending.slice(0, end)) as Reply);
        pending = pending.slice(end + 1);
        end = pending.indexOf('\0');
      }
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.exitCode = `${code ?? signal}: ${this.said}`;
        for (const w of this.waiting.values()) w.reject(new Error(`chromium exited (${this.exitCode})`));
        this.waiting.clear();
        resolve();
      }),
    );
  }

  private receive(reply: Reply): void {
    if (reply.id === undefined) {
      for (const l of [...this.listeners]) l(reply);
      return;
    }
    const w = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.error) w?.reject(new Error(reply.error.message));
    else w?.resolve(reply);
  }

  private send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    if (this.exitCode !== undefined) return Promise.reject(new Error(`chromium exited (${this.exitCode})`));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: (r) => resolve(r.result ?? {}), reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  private event(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve) => {
      const l = (r: Reply) => {
        if (r.method !== method || r.sessionId !== sessionId) return;
        this.listeners.splice(this.listeners.indexOf(l), 1);
        resolve();
      };
      this.listeners.push(l);
    });
  }

  /** Prints the HTML file `html` to the PDF file `pdf`, as chromium's `--print-to-pdf --no-pdf-header-footer` does. */
  async print(html: string, pdf: string): Promise<void> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await this.send('Page.enable', {}, sessionId);
    const loaded = this.event('Page.loadEventFired', sessionId);
    await this.send('Page.navigate', { url: pathToFileURL(html).href }, sessionId);
    await loaded;
    const { data } = (await this.send('Page.printToPDF', { preferCSSPageSize: true }, sessionId)) as { data: string };
    writeFileSync(pdf, Buffer.from(data, 'base64'));
    await this.send('Target.closeTarget', { targetId });
  }

  /** Ends chromium and waits for it, so its profile folder can be removed. */
  async close(): Promise<void> {
    await this.send('Browser.close').catch(() => undefined);
    await this.exited;
  }
}
