import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatNdc } from './format-ndc';
import { ndcCatalogOf } from './ndc-catalog';
import { parseNdc, resolveBareNdc10, type Ndc } from './parse-ndc';

// 209,574 lines of real package NDCs as FDA lists them (gusoft/NdcLib, ISC); 3 lines repeat.
const lines = readFileSync(new URL('../../tests/fixtures/ndc/package-ndcs.csv', import.meta.url), 'utf8').split(/\r?\n/).filter(Boolean);
const codes = [...new Set(lines)];

function parseAll(): Map<string, Ndc> {
  const parsed = new Map<string, Ndc>();
  const failures: string[] = [];
  for (const code of codes) {
    const r = parseNdc(code);
    if (r.ok) parsed.set(code, r.value);
    else failures.push(`${code}: ${r.error.message}`);
  }
  expect(failures).toEqual([]);
  return parsed;
}

describe('the 209,574 real package NDCs', () => {
  const parsed = parseAll();

  it('all normalise, in all three 10-digit layouts, to distinct 11-digit codes', () => {
    expect(lines).toHaveLength(209_574);
    expect(codes).toHaveLength(209_571);
    const layouts = new Map<string, number>();
    for (const ndc of parsed.values()) layouts.set(ndc.configuration, (layouts.get(ndc.configuration) ?? 0) + 1);
    expect(Object.fromEntries(layouts)).toEqual({ '4-4-2': 21_337, '5-3-2': 136_902, '5-4-1': 51_332 });
    expect(new Set([...parsed.values()].map((n) => n.ndc11)).size).toBe(codes.length);
  });

  it('format back to exactly the string they were read from', () => {
    const mismatches = [...parsed].filter(([code, ndc]) => {
      const back = formatNdc(ndc.ndc11, ndc.configuration);
      return !back.ok || back.value !== code;
    });
    expect(mismatches).toEqual([]);
  });

  it('resolve their own bare 10 digits against the catalog, except the truly ambiguous ones', () => {
    const catalog = ndcCatalogOf([...parsed.values()].map((n) => n.ndc11));
    const ambiguous: string[] = [];
    const wrong: string[] = [];
    const sameCodeOtherLayout: string[] = [];
    for (const [code, ndc] of parsed) {
      const r = resolveBareNdc10(code.replaceAll('-', ''), catalog);
      if (!r.ok) {
        expect(r.error.code).toBe('ndc/ambiguous');
        ambiguous.push(code);
      } else if (r.value.ndc11 !== ndc.ndc11) wrong.push(code);
      else if (r.value.configuration !== ndc.configuration) sameCodeOtherLayout.push(code);
    }
    expect(wrong).toEqual([]);
    // 11822-0000-3 (5-4-1) reads as 11822-000-03 (5-3-2) too: one product, two ways to write it.
    expect(sameCodeOtherLayout).toHaveLength(30);
    expect(sameCodeOtherLayout.every((code) => /^\d{5}-0000-\d$/.test(code))).toBe(true);
    // Observed: 1,842 codes share their 10 digits with another real product in another layout,
    // e.g. "0009307301" is 0009-3073-01 (4-4-2) and, read 5-3-2, 00093-0073-01 = 0093-0073-01.
    expect(ambiguous).toHaveLength(1_842);
    expect(ambiguous).toContain('0009-3073-01');
    expect(parsed.get('0093-0073-01')?.ndc11).toBe('00093007301');
    const message = resolveBareNdc10('0009307301', catalog);
    expect(message.ok === false && message.error.message).toMatch(/could be 4-4-2, 5-3-2 or 5-4-1, and 2 of them are products in the catalog \(4-4-2 → 00009-3073-01, 5-3-2 → 00093-0073-01\)/);
  });
});
