import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS, type ImportTarget } from '../../../../shared/import/types';
import { MAX_REASON_CHARS, mapColumnsTool, parseMapColumnsInput } from './map-columns-tool';

const asked = new Set([0, 1, 2, 3]);
const none = new Set<ImportTarget>();
const m = (column: unknown, target: unknown, confidence: unknown = 0.9, reason: unknown = 'looks right') => ({ column, target, confidence, reason });

describe('mapColumnsTool', () => {
  it('offers exactly the shared import targets, plus null, and requires every field', () => {
    const items = (mapColumnsTool.input_schema.properties as { mappings: { items: { properties: { target: { enum: unknown[] } }; required: string[] } } }).mappings.items;
    expect(items.properties.target.enum).toEqual([...IMPORT_TARGETS, null]);
    expect(items.required).toEqual(['column', 'target', 'confidence', 'reason']);
    expect(mapColumnsTool.name).toBe('map_columns');
  });
});

describe('parseMapColumnsInput', () => {
  it('accepts a well-formed answer, sorted by column, with null meaning "no field fits"', () => {
    const r = parseMapColumnsInput({ mappings: [m(2, 'expiry', 0.8), m(0, 'ndc', 0.95), m(1, null, 0.7, 'internal flag')] }, { asked, taken: none });
    expect(r).toEqual({
      ok: true,
      dropped: 0,
      suggestions: [
        { column: 0, target: 'ndc', confidence: 0.95, reason: 'looks right' },
        { column: 1, target: null, confidence: 0.7, reason: 'internal flag' },
        { column: 2, target: 'expiry', confidence: 0.8, reason: 'looks right' },
      ],
    });
  });

  it('drops unknown targets, columns not asked about, and entries of the wrong shape', () => {
    const r = parseMapColumnsInput(
      { mappings: [m(0, 'ndc'), m(1, 'batchCode'), m(9, 'lot'), m('2', 'lot'), m(3, 'quantity', 1.5), m(2, 'lot', 0.9, 42), 'lot', null, m(-1, 'unit')] },
      { asked, taken: none },
    );
    expect(r).toEqual({ ok: true, dropped: 8, suggestions: [{ column: 0, target: 'ndc', confidence: 0.9, reason: 'looks right' }] });
  });

  it('drops every claimant of a target suggested twice, and both answers for a column answered twice', () => {
    const r = parseMapColumnsInput({ mappings: [m(0, 'lot'), m(1, 'lot'), m(2, 'expiry'), m(2, 'manufacturedOn'), m(3, 'quantity')] }, { asked, taken: none });
    expect(r.ok && r.suggestions.map((s) => [s.column, s.target])).toEqual([[3, 'quantity']]);
  });

  it('keeps several nulls (several columns may fit no field)', () => {
    const r = parseMapColumnsInput({ mappings: [m(0, null), m(1, null)] }, { asked, taken: none });
    expect(r.ok && r.suggestions).toHaveLength(2);
  });

  it('drops a target another column already holds with confidence', () => {
    const r = parseMapColumnsInput({ mappings: [m(0, 'ndc'), m(1, 'lot')] }, { asked, taken: new Set<ImportTarget>(['ndc']) });
    expect(r.ok && r.suggestions.map((s) => s.target)).toEqual(['lot']);
  });

  it('cuts an over-long reason instead of refusing the entry', () => {
    const r = parseMapColumnsInput({ mappings: [m(0, 'ndc', 0.9, `  ${'x'.repeat(1000)}  `)] }, { asked, taken: none });
    expect(r.ok && r.suggestions[0]?.reason).toHaveLength(MAX_REASON_CHARS);
  });

  it.each([
    ['a string', 'ndc'],
    ['null', null],
    ['an array', [m(0, 'ndc')]],
    ['no mappings key', { columns: [m(0, 'ndc')] }],
    ['mappings not an array', { mappings: { 0: 'ndc' } }],
  ])('treats %s as malformed', (_, input) => {
    expect(parseMapColumnsInput(input, { asked, taken: none })).toMatchObject({ ok: false });
  });

  it('treats an answer none of whose entries survive as malformed, and an empty list as a valid "nothing"', () => {
    expect(parseMapColumnsInput({ mappings: [m(7, 'ndc'), m(0, 'colour')] }, { asked, taken: none })).toMatchObject({ ok: false });
    expect(parseMapColumnsInput({ mappings: [] }, { asked, taken: none })).toEqual({ ok: true, suggestions: [], dropped: 0 });
  });
});
