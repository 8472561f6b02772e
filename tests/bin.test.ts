import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, createReadStream, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost, samkostProcess } from './cli.js';

/**
 * The few tests that start `bin/samkost.js` as its own process, as a user's
 * shell does: the entry point passes the real process to run(), and the
 * exit code reaches the shell. Everything else runs the CLI in-process.
 */
describe('bin/samkost.js', () => {
  it('prints its version', () => {
    const r = samkostProcess(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('writes a report to standard output and exits 0', () => {
    const r = samkostProcess(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('items');
  });

  it("loads what a run needs when it needs it: last year's files hashed by node:crypto, loaded for them alone", () => {
    const r = samkostProcess(['settle', 'fixtures/ror-ikt-2024-investment', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).brought_forward.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 1 on wrong input, with a compiler-style message on standard error and no stack trace', () => {
    const r = samkostProcess(['check', 'tests/errors/key-shares-sum']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/agreement\.yaml:\d+:\d+: feil: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a wrong command line', () => {
    const r = samkostProcess(['allocate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('feil: avtalen (en avtalefil eller en mappe med agreement.yaml) mangler');
  });
});

describe('standard output that cannot be written', () => {
  it('a reader that goes away (| head) ends the run quietly, exit 0, no trace, and no spool of the output left behind', () => {
    // 3 000 scenarios are 460 kB of CSV, far more than a pipe holds: the write meets the closed pipe.
    const spools = () => readdirSync(tmpdir()).filter((f) => /^\.samkost\..*\.tmp$/.test(f));
    const before = spools();
    const r = spawnSync(
      'bash',
      [
        '-c',
        'set -o pipefail; node bin/samkost.js scenario fixtures/melhus-midtre-gauldal --sweep parties.melhus.population=1..3000 --format csv --threads 1 | head -1; echo "status=$PIPESTATUS" >&2',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout).toContain('Scenario;');
    expect(r.stderr).toBe('status=0\n');
    expect(spools()).toEqual(before);
  });
  it('a full disk is one line on standard error and exit 1', () => {
    const r = spawnSync('bash', ['-c', 'node bin/samkost.js allocate fixtures/ror-ikt-2023-overrun > /dev/full'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('samkost: feil: kan ikke skrive til standard ut: det er ikke mer plass på disken\n');
  });
});

describe('standard output and error of the real process', () => {
  const loaded = /\[loaded: ([^\]]*)\]\n$/;
  // What allocate writes loads Node's streams of its own (a report's writer); check and --help load none.
  const runs = [
    ['check', 'fixtures/ror-ikt-2023-overrun'],
    ['check', 'tests/errors/key-shares-sum'],
    ['--help'],
    ['allocate', 'fixtures/ror-ikt-2023-overrun'],
  ];
  const streamsOf = (args: readonly string[]) => (args[0] === 'allocate' ? 'stream' : '');
  it('to a pipe or a file, are written straight to the descriptor: the bytes of the in-process run, no stream loaded (issue 24)', async () => {
    for (const args of runs) {
      const inProcess = await samkost(args);
      const piped = samkostProcess(args, 'tests/loaded-builtins.cjs');
      expect(piped.stderr.match(loaded)?.[1], args.join(' ')).toBe(streamsOf(args));
      expect({ code: piped.code, stdout: piped.stdout, stderr: piped.stderr.replace(loaded, '') }).toEqual(inProcess);
      const dir = mkdtempSync(path.join(tmpdir(), 'samkost-stdio-'));
      try {
        const shell = `"${process.execPath}" --require ./tests/loaded-builtins.cjs bin/samkost.js ${args.join(' ')} > ${dir}/out 2> ${dir}/err`;
        const r = spawnSync('bash', ['-c', shell], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
        const err = readFileSync(path.join(dir, 'err'), 'utf8');
        expect(err.match(loaded)?.[1], args.join(' ')).toBe(streamsOf(args));
        expect({ code: r.status, stdout: readFileSync(path.join(dir, 'out'), 'utf8'), stderr: err.replace(loaded, '') }).toEqual(inProcess);
      } finally {
        rmSync(dir, { recursive: true });
      }
    }
  });
});

describe('standard output that is a non-blocking pipe, full', () => {
  it("takes what the pipe takes, then the rest through Node's stream, which waits for room: the same bytes, exit 0", async () => {
    // A FIFO, the child's standard output, made non-blocking, and read only once the child has filled it.
    const dir = mkdtempSync(path.join(tmpdir(), 'samkost-fifo-'));
    try {
      const fifo = path.join(dir, 'out');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const opening = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      const reader = openSync(fifo, constants.O_RDONLY);
      closeSync(opening);
      // 3 000 scenarios are 570 kB of CSV, far more than a pipe holds.
      const args = ['scenario', 'fixtures/melhus-midtre-gauldal', '--sweep', 'parties.melhus.population=1..3000', '--format', 'csv', '--threads', '1'];
      const child = spawn(process.execPath, ['bin/samkost.js', ...args], { cwd: ROOT, stdio: ['ignore', writer, 'pipe'] });
      // libuv makes a child's standard output blocking as it starts it; a socket on the same descriptor makes it non-blocking again.
      new Socket({ fd: writer, readable: false, writable: true }).destroy();
      let stderr = '';
      child.stderr?.on('data', (d) => (stderr += d));
      const code = new Promise((done) => child.on('close', done));
      await new Promise((done) => setTimeout(done, 1000));
      const chunks: Buffer[] = [];
      const read = createReadStream('', { fd: reader });
      read.on('data', (d) => chunks.push(d as Buffer));
      await new Promise<void>((done) => read.on('close', () => done()));
      expect(await code).toBe(0);
      expect(stderr).toBe('');
      expect(Buffer.concat(chunks).toString('utf8')).toBe((await samkost(args)).stdout);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('standard input of the real process', () => {
  it('check - < agreement.yaml reads the agreement from the shell', () => {
    const r = spawnSync('bash', ['-c', 'node bin/samkost.js check - < fixtures/ror-ikt-2023-overrun/agreement.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<stdin>: ok — /);
  });
});
