import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The real binary, as a person or a script runs it.
const BIN = fileURLToPath(new URL('../../bin/atlas.js', import.meta.url));
const atlas = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('atlas ndc normalize', () => {
  it('prints one JSON result per input and exits 0 when all are valid', () => {
    const r = atlas('ndc', 'normalize', '--json', '0024-0590-10', '10631-106-08', '00591-0369-1', '00591036901', '000591-0369-01');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { input: '0024-0590-10', ndc11: '00024059010', ndc11Hyphenated: '00024-0590-10', configuration: '4-4-2' },
      { input: '10631-106-08', ndc11: '10631010608', ndc11Hyphenated: '10631-0106-08', configuration: '5-3-2' },
      { input: '00591-0369-1', ndc11: '00591036901', ndc11Hyphenated: '00591-0369-01', configuration: '5-4-1' },
      { input: '00591036901', ndc11: '00591036901', ndc11Hyphenated: '00591-0369-01', configuration: '5-4-2' },
      { input: '000591-0369-01', ndc11: '00591036901', ndc11Hyphenated: '00591-0369-01', configuration: '6-4-2' },
    ]);
  });

  it('reports each invalid input with its code and reason, and exits 1', () => {
    const r = atlas('ndc', 'normalize', '--json', '6745715303', '0024-0590-10', '123456-7890-12', 'abc');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { input: string; error?: { code: string; message: string } }[];
    expect(out.map((o) => [o.input, o.error?.code ?? 'ok'])).toEqual([
      ['6745715303', 'ndc/ambiguous'],
      ['0024-0590-10', 'ok'],
      ['123456-7890-12', 'ndc/no-11-digit-form'],
      ['abc', 'ndc/invalid'],
    ]);
    expect(out[0]?.error?.message).toMatch(/10 digits without hyphens could be 4-4-2, 5-3-2 or 5-4-1/);
  });

  it('prints one human line per input', () => {
    const r = atlas('ndc', 'normalize', '0024-0590-10', '6745715303');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('0024-0590-10 → 00024-0590-10 (00024059010, written 4-4-2)');
    expect(lines[1]).toMatch(/^6745715303: invalid \(ndc\/ambiguous\) .*could be 4-4-2, 5-3-2 or 5-4-1/);
  });
});
