import { describe, expect, it } from 'vitest';
import { moveFor } from './grid-keys';

const size = { rows: 100, columns: 6 };

describe('moveFor', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(moveFor('ArrowDown', false, { row: 0, column: 2 }, size, 10)).toEqual({ row: 1, column: 2 });
    expect(moveFor('ArrowUp', false, { row: 0, column: 2 }, size, 10)).toEqual({ row: 0, column: 2 });
    expect(moveFor('ArrowRight', false, { row: 4, column: 5 }, size, 10)).toEqual({ row: 4, column: 5 });
    expect(moveFor('ArrowLeft', false, { row: 4, column: 5 }, size, 10)).toEqual({ row: 4, column: 4 });
  });
  it('pages, and jumps with Home/End (Ctrl for the whole grid)', () => {
    expect(moveFor('PageDown', false, { row: 95, column: 1 }, size, 10)).toEqual({ row: 99, column: 1 });
    expect(moveFor('Home', false, { row: 7, column: 3 }, size, 10)).toEqual({ row: 7, column: 0 });
    expect(moveFor('End', true, { row: 7, column: 3 }, size, 10)).toEqual({ row: 99, column: 5 });
  });
  it('ignores other keys and empty grids', () => {
    expect(moveFor('Enter', false, { row: 0, column: 0 }, size, 10)).toBeNull();
    expect(moveFor('ArrowDown', false, { row: 0, column: 0 }, { rows: 0, columns: 6 }, 10)).toBeNull();
  });
});
