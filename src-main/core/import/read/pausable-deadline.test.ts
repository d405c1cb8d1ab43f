import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PausableDeadline } from './pausable-deadline';

describe('PausableDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does not count the time it is paused (the consumer working on a batch)', () => {
    const expired = vi.fn();
    const deadline = new PausableDeadline(1000, expired);
    vi.advanceTimersByTime(600);
    deadline.pause();
    vi.advanceTimersByTime(10_000);
    expect(expired).not.toHaveBeenCalled();
    deadline.resume();
    vi.advanceTimersByTime(399);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('never fires once stopped', () => {
    const expired = vi.fn();
    new PausableDeadline(10, expired).stop();
    vi.advanceTimersByTime(100);
    expect(expired).not.toHaveBeenCalled();
  });
});
