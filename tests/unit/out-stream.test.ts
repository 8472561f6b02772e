import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_FS, type Io } from '../../src/cli/io.js';
import { Speaker } from '../../src/cli/speaker.js';
import { UNSTYLED } from '../../src/cli/style.js';
import { samkost } from '../cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'samkost-out-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function speaker(): { speaker: Speaker; io: Io; stdout: () => string } {
  let stdout = '';
  const text = new TextDecoder();
  const io: Io = {
    stdout: {
      write: (t) => {
        stdout += typeof t === 'string' ? t : new TextDecoder().decode(t);
      },
      writeText: async (t) => {
        stdout += text.decode(t, { stream: true });
      },
      isTTY: false,
    },
    stderr: { write: () => undefined, isTTY: false },
    env: {},
    now: () => new Date(),
    fs: NODE_FS,
    stdin: async () => new Uint8Array(),
    temps: new Set(),
  };
  return { speaker: new Speaker(io, UNSTYLED, 'en'), io, stdout: () => stdout };
}

const spools = () => readdirSync(tmpdir()).filter((f) => /^\.samkost\..*\.tmp$/.test(f));

describe('output written a piece at a time', () => {
  const pieces = Array.from({ length: 100 }, (_, i) => `piece ${i}\n`);

  it('is shown only when closed, whole and in order, though it went through a temporary file', async () => {
    const { speaker: s, io, stdout } = speaker();
    const before = spools();
    const out = s.stream({}, 64);
    for (const p of pieces) await out.write(p);
    expect(stdout()).toBe('');
    expect(io.temps.size).toBe(1);
    await out.close();
    expect(stdout()).toBe(pieces.join(''));
    expect(io.temps.size).toBe(0);
    expect(spools()).toEqual(before);
  });

  it('shows nothing when discarded (a run that failed half-way), and leaves no temporary file', async () => {
    const { speaker: s, io, stdout } = speaker();
    const before = spools();
    const out = s.stream({}, 64);
    for (const p of pieces) await out.write(p);
    await out.discard();
    expect(stdout()).toBe('');
    expect(io.temps.size).toBe(0);
    expect(spools()).toEqual(before);
  });

  it('to --out: the file appears whole, the spool beside it gone; an existing file is refused without --force', async () => {
    const file = path.join(dir, 'sweep.csv');
    const { speaker: s } = speaker();
    const out = s.stream({ out: file }, 64);
    for (const p of pieces) await out.write(p);
    expect(existsSync(file)).toBe(false);
    await out.close();
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
    const again = s.stream({ out: file }, 64);
    for (const p of pieces) await again.write(p);
    await expect(again.close()).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['sweep.csv']);
  });
});

describe('the scenario stream renderers', () => {
  it('a sweep written a scenario at a time is whole: the JSON parses with every scenario, the CSV has a row per scenario and party', async () => {
    const args = ['scenario', 'fixtures/melhus-midtre-gauldal', '--sweep', 'parties.melhus.population=10001..10400', '--threads', '1', '--locale', 'en'];
    const json = await samkost([...args, '--format', 'json']);
    expect((JSON.parse(json.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(401);
    const csv = await samkost([...args, '--format', 'csv']);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 401 * 2);
  });
});
