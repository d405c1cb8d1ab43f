import { describe, expect, it } from 'vitest';
import { IMPORT_ISSUE_CODES } from '../../../shared/import/types';
import { columnLetter, delimiterName, ISSUE_LABELS, issueText, readFailureTitle, samplesByColumn, targetLabel } from './mapping-labels';

describe('labels', () => {
  it('capitalises target labels for the select', () => {
    expect(targetLabel('lot')).toBe('Lot number');
    expect(targetLabel('expiry')).toBe('Expiry');
    expect(targetLabel('ndc')).toBe('NDC');
  });
  it('names every issue code', () => {
    for (const code of IMPORT_ISSUE_CODES) expect(ISSUE_LABELS[code]).toBeTruthy();
  });
  it('names columns and delimiters as people do', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(delimiterName(';')).toBe('semicolon');
    expect(delimiterName('\t')).toBe('tab');
    expect(delimiterName('#')).toBe('“#”');
    expect(delimiterName(null)).toBeNull();
  });
  it('titles read failures in plain words', () => {
    expect(readFailureTitle('import/encrypted-file')).toBe('This file is password-protected');
    expect(readFailureTitle('internal/unexpected')).toBe('The file could not be read');
  });
});

describe('samplesByColumn', () => {
  it('takes the first distinct non-empty values of each column', () => {
    const rows = [{ cells: ['a', '', '1'] }, { cells: ['a', 'x', '2'] }, { cells: ['b', ' ', '3'] }, { cells: ['c', 'y', '4'] }];
    expect(samplesByColumn(rows, 3, 2)).toEqual([['a', 'b'], ['x', 'y'], ['1', '2']]);
    expect(samplesByColumn([], 2)).toEqual([[], []]);
  });
});

describe('issueText', () => {
  it('drops the row the grid already shows', () => {
    expect(issueText('Row 58, column "Verfall": "31.02.2027" is not a real date')).toBe('Verfall: "31.02.2027" is not a real date');
    expect(issueText('Row 3: nothing identifies the product')).toBe('Nothing identifies the product');
    expect(issueText('the lot number is empty')).toBe('the lot number is empty');
  });
});
