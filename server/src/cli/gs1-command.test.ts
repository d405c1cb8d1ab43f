import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The real binary, as a person or a script runs it.
const BIN = fileURLToPath(new URL('../../bin/atlas.js', import.meta.url));
const atlas = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

const PUBLISHED = { gtin: '00367457153032', ndc10: '6745715303', expiry: '2021-03-31', lot: '1724847.1', serial: '118165795226', productionDate: null };

describe('atlas gs1 parse', () => {
  it.each([
    ['a real GS character', '0100367457153032101724847.1\u001d1721033121118165795226'],
    ['<GS>', '0100367457153032101724847.1<GS>1721033121118165795226'],
    ['\\x1d typed', '0100367457153032101724847.1\\x1d1721033121118165795226'],
    ['| with a ]d2 prefix', ']d20100367457153032101724847.1|1721033121118165795226'],
    ['the human-readable form', '(01)00367457153032(17)210331(10)1724847.1(21)118165795226'],
  ])('reads the published example with %s', (_how, scan) => {
    const r = atlas('gs1', 'parse', '--json', scan);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(PUBLISHED);
  });

  it('prints a clear error and exits 1', () => {
    const json = atlas('gs1', 'parse', '--json', '010036745715303217211341');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'gs1/invalid-date', message: 'AI (17) expiry "211341": month 13 does not exist.' } });
    const human = atlas('gs1', 'parse', '0100367457153031');
    expect(human.status).toBe(1);
    expect(human.stderr.trim()).toBe(
      'atlas: cannot read the GS1 scan (gtin/check-digit): AI (01) GTIN "00367457153031": check digit is 1, but the other digits give 2 (GS1 General Specifications §7.9.1): mistyped or misread.',
    );
  });

  it('prints labelled lines for a person, day 00 as the month end', () => {
    const r = atlas('gs1', 'parse', '(01)00367457153032(17)211200(10)00123/A');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'GTIN             00367457153032',
      'NDC10            6745715303',
      'Expiry           2021-12-31',
      'Lot              00123/A',
      'Serial           -',
      'Production date  -',
    ]);
  });
});
