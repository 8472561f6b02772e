import { readFileSync } from 'node:fs';

/**
 * The version in package.json, the one place it is written. Two folders up
 * from this module wherever it runs: src/cli, dist/cli or dist/bundle.
 */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
