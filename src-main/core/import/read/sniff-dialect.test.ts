import { describe, expect, it } from 'vitest';
import { sniffDialect } from './sniff-dialect';

describe('sniffDialect', () => {
  it('ignores delimiters inside quotes (OpenBoxes product names)', () => {
    const text = 'Product code,Product name,Lot number\nTS894,"Morphine injection, 10mg/mL in 1mL ampoule",00392/174\nQX039,"a; b; c | d",37627\n';
    expect(sniffDialect(text, true)).toEqual({ delimiter: ',', newline: '\n' });
  });

  it('picks the semicolon of EU Excel even when decimal commas appear in data rows', () => {
    const text = 'Menge;Verfall;Charge;Preis\n12;30.06.2025;A1;1,50\n4;31.01.2026;B7;12,75\n';
    expect(sniffDialect(text, true).delimiter).toBe(';');
  });

  it('finds tabs and pipes', () => {
    expect(sniffDialect('NDC\tLot\tQty\n1\t2\t3\n', true).delimiter).toBe('\t');
    expect(sniffDialect('NDC|Lot|Qty\n1|2|3\n', true).delimiter).toBe('|');
  });

  it('detects CRLF and CR line ends', () => {
    expect(sniffDialect('a,b\r\n1,2\r\n', true).newline).toBe('\r\n');
    expect(sniffDialect('a,b\r1,2\r', true).newline).toBe('\r');
  });

  it('falls back for a single column (and to tab for a .tsv)', () => {
    expect(sniffDialect('NDC\n00093005801\n', true)).toEqual({ delimiter: ',', newline: '\n' });
    expect(sniffDialect('NDC\n00093005801\n', true, '\t').delimiter).toBe('\t');
  });

  it('uses a cut-off first record when it is the only one (a very wide header)', () => {
    const head = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(';').slice(0, 64 * 1024);
    expect(sniffDialect(head, false).delimiter).toBe(';');
  });
});
