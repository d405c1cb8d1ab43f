import { describe, expect, it } from 'vitest';
import { aiDefinition, allAiDefinitions, matchAi } from './ai-lookup';

describe('the AI table', () => {
  it('knows the AIs of a drug label', () => {
    expect(aiDefinition('01')).toMatchObject({ fixed: true, minLength: 14, maxLength: 14, format: 'N14,csum,gcppos2' });
    expect(aiDefinition('17')).toMatchObject({ fixed: true, maxLength: 6, format: 'N6,yymmd0' });
    expect(aiDefinition('11')).toMatchObject({ fixed: true, maxLength: 6, format: 'N6,yymmd0' });
    expect(aiDefinition('10')).toMatchObject({ fixed: false, minLength: 1, maxLength: 20, format: 'X..20' });
    expect(aiDefinition('21')).toMatchObject({ fixed: false, minLength: 1, maxLength: 20, format: 'X..20' });
    expect(aiDefinition('715')).toMatchObject({ title: 'NHRN NDC', fixed: false });
  });

  it('expands ranges (3100-3105, 91-99) and knows nothing unassigned', () => {
    expect(aiDefinition('3103')).toMatchObject({ ai: '3103', fixed: true, maxLength: 6, title: 'NET WEIGHT (kg)' });
    expect(aiDefinition('3106')).toBeUndefined();
    expect(aiDefinition('95')).toMatchObject({ ai: '95', maxLength: 90 });
    expect(aiDefinition('23')).toBeUndefined();
  });

  it('is prefix-free, so matching the shortest AI first is the only match', () => {
    const codes = allAiDefinitions().map((d) => d.ai);
    const clashes = codes.filter((a) => codes.some((b) => b !== a && b.startsWith(a)));
    expect(clashes).toEqual([]);
    expect(codes.length).toBeGreaterThan(500);
    expect(matchAi('xx3103001234', 2)?.ai).toBe('3103');
    expect(matchAi('2300', 0)).toBeUndefined();
  });

  it('has predefined lengths only where GS1 lists them (first two digits 00-04, 11-20, 31-36, 41)', () => {
    const fixedPrefixes = new Set(allAiDefinitions().filter((d) => d.fixed).map((d) => d.ai.slice(0, 2)));
    expect([...fixedPrefixes].sort()).toEqual(['00', '01', '02', '03', '11', '12', '13', '15', '16', '17', '20', '31', '32', '33', '34', '35', '36', '41']);
  });
});
