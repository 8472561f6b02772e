import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PEPPOL_EAS } from '../src/agreement/endpoint.js';
import { ROOT } from './cli.js';

const sch = path.join(ROOT, '..', 'shared', 'peppol', 'sch', 'PEPPOL-EN16931-UBL.sch');

describe('the Peppol EAS code list', () => {
  // The rules' own list, where the checkout has ../shared/peppol beside it (CI has): the copy must not drift from it.
  it.skipIf(!existsSync(sch))("is the list the OpenPEPPOL rules check an EndpointID's schemeID against (PEPPOL-EN16931-CL008)", () => {
    const eaid = /<let name="eaid" value="tokenize\('([^']+)'/.exec(readFileSync(sch, 'utf8'))![1]!;
    expect([...PEPPOL_EAS].sort()).toEqual(eaid.trim().split(/\s+/).sort());
  });

  it('holds the Norwegian organisation number (0192) and no duplicate', () => {
    expect(PEPPOL_EAS).toContain('0192');
    expect(new Set(PEPPOL_EAS).size).toBe(PEPPOL_EAS.length);
  });
});
