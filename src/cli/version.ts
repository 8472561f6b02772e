import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version in package.json, the one place it is written. Two folders up
 * from this module wherever it runs: src/cli, dist/cli or dist/bundle. Found
 * by the module's folder, not its URL: turning a URL into a path loads
 * Node's URL code at every start.
 */
export const VERSION: string = (JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
