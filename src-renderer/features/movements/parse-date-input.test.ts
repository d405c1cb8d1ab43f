import { describe, expect, it } from 'vitest';
import { describeDateInput, parseDateInput } from './parse-date-input';

describe('parseDateInput', () => {
  it.each([
    ['2027-03-12', '2027-03-12'],
    ['2027/3/12', '2027-03-12'],
    ['12 Mar 2027', '2027-03-12'],
    ['12 march 2027', '2027-03-12'],
    ['1 Sept 2027', '2027-09-01'],
    ['29 Feb 2028', '2028-02-29'],
  ])('%s → %s', (input, iso) => {
    expect(parseDateInput(input)).toBe(iso);
  });

  it.each(['03/12/27', '12/03/2027', '2027-02-29', '12 Marx 2027', '', '2027-13-01'])('refuses %s', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
});

describe('describeDateInput', () => {
  it('shows the stored date, or how to write it', () => {
    expect(describeDateInput('2027-03-12')).toEqual({ iso: '2027-03-12', hint: '12 Mar 2027', error: null });
    expect(describeDateInput('3/12/27').error).toMatch(/2027-03-12/);
    expect(describeDateInput(' ')).toEqual({ iso: null, hint: null, error: null });
  });
});
