import { said } from '../text/said.js';

/** The scenario file named by `--scenarios` (`scenario` and `check`), as messages call it and how to give one. */
export const SCENARIO_FILE = said('scenariofilen', 'scenario file');
export const GIVE_SCENARIO_FILE = said(
  'gi stien til en YAML-fil med scenarios: [{ name, set }]',
  'give the path of a YAML file with scenarios: [{ name, set }]',
);
