import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { VerificationReport } from '../../../shared/qa/bundle';
import { verifyBundle } from '../../../shared/qa/verify-bundle';

/** Exit codes: 0 every check passed, 1 a check failed, 2 the file could not be read as JSON. */
export const VERIFY_EXIT = { verified: 0, failed: 1, unreadable: 2 } as const;

/**
 * `atlas verify <bundle.json>`: checks an exported QA record bundle offline (issue 5) — the record
 * hash, every signature and its manifestation (21 CFR 11.50, 11.70), that each signer key was
 * registered and not revoked when it signed, every RFC 6962 inclusion proof and the server's
 * signed tree head — and prints one line per check and a verdict. Needs no server and no account.
 */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('verify an exported QA record bundle (atlas.qa-bundle/1) offline; exit 0 only if every check passes, 1 if one fails, 2 if the file is unreadable')
    .argument('<bundle.json>', 'the bundle file exported from Atlas (desktop or `atlas docs export`)')
    .option('--server-key <base64>', 'the server public key you trust (base64); without it the bundle\'s key fingerprint is printed for you to compare')
    .option('--json', 'print the report as JSON: {ok, checks: [{check, ok, message}]}')
    .action(async (file: string, opts: { serverKey?: string; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        console.error(`atlas verify: cannot read ${file} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? String(err)}).`);
        process.exitCode = VERIFY_EXIT.unreadable;
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (err) {
        console.error(`atlas verify: ${file} is not JSON (${err instanceof Error ? err.message : String(err)}); a bundle is the .json file Atlas exports.`);
        process.exitCode = VERIFY_EXIT.unreadable;
        return;
      }
      const report = await verifyBundle(input, opts.serverKey === undefined ? {} : { serverPublicKey: opts.serverKey });
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else console.log(printReport(report));
      process.exitCode = report.ok ? VERIFY_EXIT.verified : VERIFY_EXIT.failed;
    });
}

/** One line per check (✔/✘, the check's name, its sentence) and a final verdict. */
export function printReport(report: VerificationReport): string {
  const lines = report.checks.map((c) => `${c.ok ? '✔' : '✘'} ${c.check}: ${c.message}`);
  const failed = report.checks.filter((c) => !c.ok);
  const status = report.checks.find((c) => c.check === 'required signatures')?.message;
  lines.push(
    '',
    report.ok
      ? `VERIFIED: all ${report.checks.length} checks passed.${status ? ` ${status}` : ''}`
      : `NOT VERIFIED: ${failed.length} of ${report.checks.length} checks failed (${failed.slice(0, 5).map((c) => c.check).join('; ')}${failed.length > 5 ? `; and ${failed.length - 5} more` : ''}). Do not rely on this record.`,
  );
  return lines.join('\n');
}
