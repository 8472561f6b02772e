import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

// Every test file removes the temporary directories it made, when its tests end.
afterAll(removeTempDirs);
