import { describe, expect, it } from 'vitest';
import { cellValue, isEmptySheet } from './sheet-cells';

describe('cellValue', () => {
  it('keeps numbers, strings and booleans as they are', () => {
    expect(cellValue({ t: 'n', v: 44742 }, '1900')).toBe(44742);
    expect(cellValue({ t: 's', v: '00392/174' }, '1900')).toBe('00392/174');
    expect(cellValue({ t: 'b', v: true }, '1900')).toBe(true);
    expect(cellValue(undefined, '1900')).toBeNull();
    expect(cellValue({ t: 'z' }, '1900')).toBeNull();
  });

  it('turns error cells into their text so validation can name them', () => {
    expect(cellValue({ t: 'e', v: 0x2a }, '1900')).toBe('#N/A');
    expect(cellValue({ t: 'e', v: 0x07 }, '1900')).toBe('#DIV/0!');
    expect(cellValue({ t: 'e', v: 99 }, '1900')).toBe('#ERROR');
  });

  it('turns ISO date cells into serials of the workbook\'s date system', () => {
    expect(cellValue({ t: 'd', v: new Date(Date.UTC(2022, 5, 30)) }, '1900')).toBe(44742);
    expect(cellValue({ t: 'd', v: '2022-06-30' }, '1904')).toBe(44742 - 1462);
  });

  it('sees a sheet of empty strings as empty', () => {
    expect(isEmptySheet([undefined, [{ t: 's', v: '' }]])).toBe(true);
    expect(isEmptySheet([undefined, [undefined, { t: 'n', v: 0 }]])).toBe(false);
  });
});
