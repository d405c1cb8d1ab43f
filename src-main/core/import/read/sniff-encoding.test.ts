import { describe, expect, it } from 'vitest';
import { windows1252 } from './nasty-files.fixture';
import { sniffEncoding, sniffUtf16WithoutBom, streamDecoder, type ByteSource } from './sniff-encoding';

const source = (bytes: Buffer): ByteSource => ({ size: bytes.length, read: async (position, length) => bytes.subarray(position, position + length) });
const sniff = (bytes: Buffer) => sniffEncoding(source(bytes), bytes.subarray(0, 64 * 1024));

describe('sniffEncoding', () => {
  it('reads byte-order marks (Excel "CSV UTF-8" and "Unicode Text")', async () => {
    expect(await sniff(Buffer.from('\uFEFFNDC,Lot\n'))).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(await sniff(Buffer.from([0xff, 0xfe, 0x4e, 0x00]))).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
    expect(await sniff(Buffer.from([0xfe, 0xff, 0x00, 0x4e]))).toEqual({ encoding: 'utf-16be', bomBytes: 2 });
  });

  it('recognises UTF-16 without a BOM by the NUL in every other byte', async () => {
    const text = 'Menge\tVerfall\tCharge\n12\t2025-06-30\tA1\n';
    expect(await sniff(Buffer.from(text, 'utf16le'))).toEqual({ encoding: 'utf-16le', bomBytes: 0 });
    expect(await sniff(Buffer.from(text, 'utf16le').swap16())).toEqual({ encoding: 'utf-16be', bomBytes: 0 });
    expect(sniffUtf16WithoutBom(Buffer.from([0, 0, 0, 0, 1, 0, 0, 2]))).toBeNull();
  });

  it('tells UTF-8 from Windows-1252 at the first non-ASCII byte', async () => {
    expect(await sniff(Buffer.from('Lösung;10 µg;€ 1,50\n'))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(await sniff(windows1252('Lösung;10 µg;€ 1,50\n'))).toEqual({ encoding: 'windows-1252', bomBytes: 0 });
    expect(await sniff(Buffer.from('NDC,Lot\n00093-0058-01,00392/174\n'))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
  });

  it('looks past an all-ASCII head: a "®" 2 MB into an ANSI export still makes it Windows-1252', async () => {
    const ascii = 'QX039,Morphine 10mg immediate release tablet,37627,01/31/2025\n'.repeat(35_000);
    const bytes = Buffer.concat([Buffer.from(ascii), windows1252('LP010,Lipitor® 10mg,A1,01/31/2026\n')]);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(await sniff(bytes)).toEqual({ encoding: 'windows-1252', bomBytes: 0 });
  });
});

describe('streamDecoder', () => {
  it('decodes Windows-1252 0x80–0x9F as Windows-1252, not Latin-1 (nodejs/node#56542)', () => {
    const decode = streamDecoder('windows-1252');
    expect(decode(windows1252('€ ‰ ™ “x”')) + decode()).toBe('€ ‰ ™ “x”');
  });

  it('keeps a character split across two chunks', () => {
    const bytes = Buffer.from('Lösung');
    const decode = streamDecoder('utf-8');
    expect(decode(bytes.subarray(0, 2)) + decode(bytes.subarray(2)) + decode()).toBe('Lösung');
  });
});
