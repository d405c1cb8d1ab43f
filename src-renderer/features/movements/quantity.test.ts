import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityProblem } from './quantity';

describe('parseQuantity', () => {
  it('reads whole numbers as typed', () => {
    expect(parseQuantity('12')).toBe(12);
    expect(parseQuantity(' 1,200 ')).toBe(1200);
    expect(parseQuantity('-3')).toBe(-3);
    expect(parseQuantity('+5')).toBe(5);
    expect(parseQuantity('1.5')).toBe(1.5);
  });

  it('is NaN for anything else', () => {
    expect(parseQuantity('')).toBeNaN();
    expect(parseQuantity('12 boxes')).toBeNaN();
  });

  it('words the problem', () => {
    expect(quantityProblem('', 'Enter the quantity.')).toBe('Enter the quantity.');
    expect(quantityProblem('x', 'Enter the quantity.')).toBe('Enter a whole number.');
    expect(quantityProblem('4', 'Enter the quantity.')).toBeNull();
  });
});
