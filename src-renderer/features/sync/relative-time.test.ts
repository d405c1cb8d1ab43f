import { describe, expect, it } from 'vitest';
import { formatDateTime, relativeTime } from './relative-time';

const now = new Date(2027, 2, 12, 14, 0, 0);
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('relativeTime', () => {
  it('reads like a status bar', () => {
    expect(relativeTime(ago(10_000), now)).toBe('just now');
    expect(relativeTime(ago(120_000), now)).toBe('2 min ago');
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(relativeTime(ago(3 * 86_400_000), now)).toBe('on 9 Mar 2027');
  });

  it('shows an unreadable value as it is', () => {
    expect(relativeTime('nope', now)).toBe('nope');
  });
});

describe('formatDateTime', () => {
  it('uses the unambiguous date and a 24-hour clock', () => {
    expect(formatDateTime(new Date(2027, 2, 12, 9, 5).toISOString())).toBe('12 Mar 2027, 09:05');
  });
});
