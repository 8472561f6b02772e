import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { ROOT } from './cli.js';

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
    const packed = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
    expect(Object.keys(packed.scripts)).not.toContain('prepare');
    for (const name of ['preinstall', 'install', 'postinstall']) expect(Object.keys(packed.scripts)).not.toContain(name);
    run('restore');
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(original);
    // The package ships the bundle, the docs (schemas, errors) and the templates, and never the sources or tests.
    expect(packed.files).toEqual(['bin', 'dist/bundle', 'docs', 'templates', 'LICENSE']);
  });
});
