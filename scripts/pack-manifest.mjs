// `npm pack` / `npm publish`: the package leaves without its `prepare` script.
// `prepare` builds a checkout after `npm ci`; an installed tarball is built
// already, and npm 11 warns on every global install of a package that has an
// install-time script. `prepack` runs this with `strip` (keeping the script
// aside in package.json's own `samkostPrepare` field would ship it, so it is
// kept in a file next to it), and `postpack` with `restore`.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const aside = new URL('../.prepare-script', import.meta.url);
const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
const write = () => writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);

if (process.argv[2] === 'strip' && pkg.scripts.prepare) {
  writeFileSync(aside, pkg.scripts.prepare);
  delete pkg.scripts.prepare;
  write();
} else if (process.argv[2] === 'restore' && existsSync(aside)) {
  const scripts = Object.entries(pkg.scripts);
  // Back in its place, after build.
  const at = scripts.findIndex(([name]) => name === 'build') + 1;
  scripts.splice(at, 0, ['prepare', readFileSync(aside, 'utf8')]);
  pkg.scripts = Object.fromEntries(scripts);
  write();
  rmSync(aside);
}
