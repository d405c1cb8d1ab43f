import { describe, expect, it } from 'vitest';
import { commitBlocker, commitResultSentence, defaultCommitMode, rowsToImport, undoSentence } from './commit-choice';

const clean = { total: 200, valid: 200, invalid: 0 };
const dirty = { total: 200, valid: 197, invalid: 3 };

describe('defaultCommitMode', () => {
  it('is all or nothing for a clean file, valid rows only otherwise', () => {
    expect(defaultCommitMode(clean)).toBe('all-or-nothing');
    expect(defaultCommitMode(dirty)).toBe('valid-only');
  });
});

describe('rowsToImport and commitBlocker', () => {
  it('counts what the button promises', () => {
    expect(rowsToImport('all-or-nothing', clean)).toBe(200);
    expect(rowsToImport('valid-only', dirty)).toBe(197);
    expect(rowsToImport('all-or-nothing', dirty)).toBe(0);
  });
  it('says why a commit cannot start', () => {
    expect(commitBlocker('valid-only', dirty, [], 'Main')).toBeNull();
    expect(commitBlocker('all-or-nothing', dirty, [], 'Main')).toBe('3 rows have errors: fix them, or import only the valid rows.');
    expect(commitBlocker('valid-only', dirty, ['lot number'], 'Main')).toBe('Map the required columns first.');
    expect(commitBlocker('valid-only', { total: 2, valid: 0, invalid: 2 }, [], 'Main')).toMatch(/No row is valid/);
    expect(commitBlocker('valid-only', dirty, [], '  ')).toMatch(/warehouse/);
  });
});

describe('sentences', () => {
  it('reports a commit, mentioning only what happened', () => {
    expect(commitResultSentence({ imported: 200, skipped: 0, failed: [] })).toBe('Imported 200 rows.');
    expect(commitResultSentence({ imported: 1_998, skipped: 1, failed: [{}, {}] })).toBe('Imported 1,998 rows (1 skipped with quantity 0, 2 refused).');
  });
  it('reports an undo, with the rows that could only partly be taken back', () => {
    expect(undoSentence({ reversed: 199, partial: [] })).toBe('Undone: 199 rows taken back in full.');
    expect(undoSentence({ reversed: 198, partial: [{}] })).toBe('Undone: 198 rows taken back in full; 1 row only in part, because some of its stock had already left.');
    expect(undoSentence({ reversed: 40_000, partial: [], resumedAfter: 60_000 })).toBe('Undone: 40,000 rows taken back in full. The undo that stopped part way had already taken back 60,000 rows.');
  });
});
