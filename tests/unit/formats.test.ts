import { describe, expect, it } from 'vitest';
import { FORMATS, type ReportKind } from '../../src/render/formats.js';
import { RENDERERS } from '../../src/render/registry.js';

/**
 * The command line offers the formats render/formats.ts lists (known at
 * start-up without loading a renderer); the registry renders them. Both
 * lists are the same, in the same order: the first is the default.
 */
describe('formats', () => {
  it('every report has a renderer for exactly the formats the command line offers, in its order', () => {
    expect(Object.keys(RENDERERS).sort()).toEqual(Object.keys(FORMATS).sort());
    for (const kind of Object.keys(FORMATS) as ReportKind[]) expect(Object.keys(RENDERERS[kind]), kind).toEqual([...FORMATS[kind]]);
  });
});
