import type { Memo } from '../memo/memo.js';

/**
 * The one memo of a scenario session: the agreement's sections read from an
 * unchanged YAML subtree, the ledger walked for coverage, the rows each
 * selector takes. It lives as long as the session, for one agreement file
 * and one set of inputs; entries go with their scope object.
 */
export class ScenarioMemo implements Memo {
  private readonly entries = new WeakMap<object, Map<string, unknown>>();

  remember<T>(scope: object, key: string, compute: () => T): T {
    let byKey = this.entries.get(scope);
    if (!byKey) {
      byKey = new Map();
      this.entries.set(scope, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as T;
    const value = compute();
    byKey.set(key, value);
    return value;
  }
}
