import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';
import { tempDir } from './temp.js';

interface Manifest {
  scripts: Record<string, string>;
  files: string[];
  dependencies?: Record<string, string>;
}

/**
 * The package leaves without `prepare` (npm 11 warns on every global install
 * of a package with an install-time script): `prepack` strips it from
 * package.json and `postpack` puts it back, byte for byte. Run here on a copy,
 * so the real manifest is never touched by a test.
 */
describe('npm pack', () => {
  it('packs a manifest without prepare, and restores the checkout exactly', () => {
    const dir = tempDir('pack');
    mkdirSync(path.join(dir, 'scripts'));
    copyFileSync(path.join(ROOT, 'scripts/pack-manifest.mjs'), path.join(dir, 'scripts/pack-manifest.mjs'));
    copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    const original = readFileSync(path.join(dir, 'package.json'), 'utf8');
    const run = (step: string) => expect(spawnSync(process.execPath, ['scripts/pack-manifest.mjs', step], { cwd: dir }).status).toBe(0);
    run('strip');
    const packed = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    expect(Object.keys(packed.scripts)).not.toContain('prepare');
    for (const name of ['preinstall', 'install', 'postinstall']) expect(Object.keys(packed.scripts)).not.toContain(name);
    run('restore');
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(original);
    // The package ships the bundle, the docs (schemas, errors) and the templates, and never the sources or tests.
    expect(packed.files).toEqual(['bin', 'dist/bundle', 'docs', 'templates', 'LICENSE']);
  });
});

/**
 * Install anywhere: the bundle carries every library it uses (chalk,
 * commander, csv-stringify, yaml are devDependencies, inlined by rolldown),
 * so the tarball installs with no registry and an empty cache. The tarball
 * is packed from a copy of what `files` ships (dist/ as global-setup built
 * it; the copy's prepack only strips prepare, the build being done), then
 * installed globally into a fresh prefix and run from there.
 */
describe('npm install -g of the tarball', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

  it("has no runtime dependencies: the bundle imports only Node's own modules and its own chunks", () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    const bundle = path.join(ROOT, 'dist/bundle');
    // The chunks' V8 code caches (*.cache) are data, not code.
    for (const f of readdirSync(bundle).filter((f) => !f.endsWith('.cache'))) {
      const text = readFileSync(path.join(bundle, f), 'utf8');
      const specifiers = [...text.matchAll(/\bfrom\s*"([^"]+)"|\b(?:import|require)\s*\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2]!);
      expect(
        specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('./') && !builtinModules.includes(s)),
        f,
      ).toEqual([]);
    }
  });

  it('installs offline into an empty cache, and runs', { timeout: 120_000 }, () => {
    const work = tempDir('install');
    const src = path.join(work, 'package');
    mkdirSync(src);
    for (const f of [...manifest.files, 'README.md', 'scripts/pack-manifest.mjs']) cpSync(path.join(ROOT, f), path.join(src, f), { recursive: true });
    writeFileSync(
      path.join(src, 'package.json'),
      `${JSON.stringify({ ...manifest, scripts: { ...manifest.scripts, prepack: 'node scripts/pack-manifest.mjs strip' } }, null, 2)}\n`,
    );
    const prefix = path.join(work, 'prefix');
    // Each step with a cache of its own, so the install starts from an empty one.
    const npm = (args: readonly string[], cwd: string, cache: string) =>
      spawnSync('npm', [...args, '--cache', path.join(work, cache), '--no-audit', '--no-fund', '--no-update-notifier'], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, npm_config_userconfig: path.join(work, 'npmrc'), npm_config_globalconfig: path.join(work, 'npmrc-global') },
      });
    const packed = npm(['pack', '--pack-destination', work, '--json'], src, 'pack-cache');
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
    const installed = npm(['install', '-g', '--offline', '--prefix', prefix, tarball], work, 'install-cache');
    expect(installed.status, installed.stderr).toBe(0);
    const pkg = path.join(prefix, 'lib/node_modules/samkost');
    expect(existsSync(path.join(pkg, 'node_modules'))).toBe(false);
    const bin = path.join(prefix, 'bin/samkost');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const check = spawnSync(bin, ['check', path.join(ROOT, 'fixtures/ror-ikt-2023-overrun')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/: ok — /);
    const init = spawnSync(bin, ['init', 'trinnpris', path.join(work, 'ny')], { encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
  });
});
