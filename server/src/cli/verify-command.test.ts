import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/qa/bundle';
import { approvedCoa, type ApprovedCoa } from '../../../shared/qa/verify-bundle.fixture';

// The real binary, as an auditor or a customer runs it on a bundle they were sent.
const BIN = fileURLToPath(new URL('../../bin/atlas.js', import.meta.url));
const atlas = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

let dir: string;
let coa: ApprovedCoa;
let genuine: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-verify-'));
  coa = await approvedCoa();
  genuine = join(dir, 'coa.json');
  writeFileSync(genuine, JSON.stringify(coa.bundle, null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atlas verify', () => {
  it('prints one ✔ line per check and a verdict, and exits 0 for a genuine bundle', () => {
    const r = atlas('verify', genuine);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('✔ signature 2 (Riley Reviewer, reviewed): Riley Reviewer signed "reviewed" at 2026-11-22T10:03:00.060Z UTC with key ' + (coa.signers[1]?.keyId ?? '') + '; the Ed25519 signature verifies over this record and manifestation.');
    expect(lines.filter((l) => l.startsWith('✔'))).toHaveLength(18);
    expect(lines.find((l) => l.startsWith('✔ server key'))).toContain(coa.serverKeyId);
    expect(lines.at(-1)).toMatch(/^VERIFIED: all 18 checks passed\. Status approved: authored by Avery Author; reviewed by Riley Reviewer; approved by Zoë Quality-Approver\.$/);
  });

  it('checks the server key given with --server-key', () => {
    const ok = atlas('verify', genuine, '--server-key', coa.serverPublicKey);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('✔ server key: The tree head was signed by the server key you trust');
    const other = atlas('verify', genuine, '--server-key', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/^✘ server key: The bundle was signed by server key .*, not by the key you trust/m);
  });

  it('names the failed check and exits 1 for a tampered bundle', () => {
    const tampered = JSON.parse(JSON.stringify(coa.bundle)) as typeof coa.bundle;
    const version = tampered.entries.find((e) => e.canonical.includes('"kind":"document.version"')) as { canonical: string };
    version.canonical = version.canonical.replace('"lotNumber":"00392/174"', '"lotNumber":"00392/175"');
    const file = join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify(tampered));
    const r = atlas('verify', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✘ record hash: The record's SHA-256 is [0-9a-f]{64}, but ledger entry 4 recorded [0-9a-f]{64}: the record was changed\.$/m);
    expect(r.stdout).toMatch(/^✘ ledger inclusion of entry 4: /m);
    // The signatures cannot be checked against a record that does not match its hash.
    expect(r.stdout).toMatch(/^✘ signature 1 \(Avery Author, authored\): Signature 1 \(ledger entry 5\) is not valid: there is no verified record to check it against\.$/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('NOT VERIFIED: 5 of 18 checks failed (record hash; signature 1 (Avery Author, authored); signature 2 (Riley Reviewer, reviewed); signature 3 (Zoë Quality-Approver, approved); ledger inclusion of entry 4). Do not rely on this record.');

    const json = atlas('verify', file, '--json');
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as VerificationReport;
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['record hash', 'signature 1 (Avery Author, authored)', 'signature 2 (Riley Reviewer, reviewed)', 'signature 3 (Zoë Quality-Approver, approved)', 'ledger inclusion of entry 4']);
  });

  it('prints the report as JSON with --json', () => {
    const r = atlas('verify', genuine, '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as VerificationReport;
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.check)).toContain('tree head signature');
  });

  it('exits 2 with a clear message when the file is missing, a folder or not JSON; 1 when JSON but not a bundle', () => {
    const missing = atlas('verify', join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).toContain('no such file');
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(atlas('verify', folder).status).toBe(2);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '%PDF-1.7 this is the PDF, not the bundle');
    const r = atlas('verify', notJson);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not JSON .*a bundle is the \.json file Atlas exports/);
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello":"world"}');
    const o = atlas('verify', other);
    expect(o.status).toBe(1);
    expect(o.stdout).toMatch(/^✘ bundle format: This is not an Atlas verification bundle/m);
  });
});
