import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateAiTable, parseDictionaryLine } from './generate-ai-table';

const dictionary = readFileSync(new URL('../../tests/fixtures/gs1/gs1-syntax-dictionary.txt', import.meta.url), 'utf8');

describe('generateAiTable', () => {
  it('ai-table.ts is what the GS1 Syntax Dictionary gives (run with -u to regenerate)', async () => {
    await expect(generateAiTable(dictionary)).toMatchFileSnapshot('./ai-table.ts');
  });

  it('reads flags, ranges, optional components and titles', () => {
    expect(parseDictionaryLine('3100-3105  *?  N6                                req=01,02 ex=310n                                # NET WEIGHT (kg)')).toEqual({
      ai: '3100',
      last: '3105',
      fixed: true,
      minLength: 6,
      maxLength: 6,
      format: 'N6',
      title: 'NET WEIGHT (kg)',
      components: [{ charset: 'N', min: 6, max: 6, optional: false, linters: [] }],
    });
    const gcn = parseDictionaryLine('255         ?  N13,csum,gcppos1 [N..12]          dlpkey ex=01,02,415,8006,8020,8026               # GCN');
    expect(gcn).toMatchObject({ ai: '255', fixed: false, minLength: 13, maxLength: 25, format: 'N13,csum,gcppos1 [N..12]' });
    expect(gcn.components[1]).toEqual({ charset: 'N', min: 1, max: 12, optional: true, linters: [] });
    expect(parseDictionaryLine('8110        ?  X..70,couponcode')).toMatchObject({ title: '', maxLength: 70 });
    expect(parseDictionaryLine('7030        ?  N3,iso3166999 X..27               req=01,02                                        # PROCESSOR # 0').title).toBe('PROCESSOR # 0');
  });

  it('refuses a line it cannot read rather than guessing', () => {
    expect(() => parseDictionaryLine('1A   *  N6')).toThrow(/not an AI/);
    expect(() => parseDictionaryLine('99   *  req=01')).toThrow(/no format specification/);
    expect(() => parseDictionaryLine('99   *  N..6')).toThrow(/predefined-length/);
  });
});
