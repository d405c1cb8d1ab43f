import { describe, expect, it } from 'vitest';
import { BUSY_POLL_MS, MAPPING_POLL_MS, pollInterval } from './poll-interval';

const note = (text: string) => ({ note: text });

describe('pollInterval', () => {
  it('polls fast while the core reads or commits', () => {
    expect(pollInterval({ status: 'reading', mappingPath: note('') })).toBe(BUSY_POLL_MS);
    expect(pollInterval({ status: 'committing', mappingPath: note('') })).toBe(BUSY_POLL_MS);
  });
  it('keeps polling while Claude is asked, then stops', () => {
    expect(pollInterval({ status: 'ready', mappingPath: { note: 'Asking Claude about 2 uncertain columns…', pending: true } })).toBe(MAPPING_POLL_MS);
    expect(pollInterval({ status: 'ready', mappingPath: note('Mapped from the column headers and their contents.') })).toBe(false);
    expect(pollInterval({ status: 'committed', mappingPath: note('') })).toBe(false);
    expect(pollInterval(undefined)).toBe(false);
  });
});
