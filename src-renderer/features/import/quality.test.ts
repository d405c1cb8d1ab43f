import { describe, expect, it } from 'vitest';
import { qualityLook } from './quality';

describe('qualityLook', () => {
  it('words and colours the score in bands', () => {
    expect(qualityLook(100)).toEqual({ word: 'Good', tone: 'ok' });
    expect(qualityLook(90)).toEqual({ word: 'Good', tone: 'ok' });
    expect(qualityLook(89)).toEqual({ word: 'Fair', tone: 'notice' });
    expect(qualityLook(55)).toEqual({ word: 'Poor', tone: 'warn' });
    expect(qualityLook(12)).toEqual({ word: 'Bad', tone: 'danger' });
  });
});
