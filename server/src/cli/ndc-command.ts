import { Command } from 'commander';
import type { SerializedError } from '../../../shared/errors';
import { parseNdc, type Ndc } from '../../../shared/ndc/parse-ndc';

type NormalizeLine = ({ input: string } & Ndc) | { input: string; error: SerializedError };

/** `atlas ndc normalize <code...>`: each NDC in its 11-digit 5-4-2 form; exit 1 if any is invalid. */
export function ndcCommand(): Command {
  const normalize = new Command('normalize')
    .description('normalise NDCs (4-4-2, 5-3-2, 5-4-1, 5-4-2, 6-4-2; hyphens optional for 11 and 12 digits) to 11-digit 5-4-2')
    .argument('<code...>', 'NDCs as printed on the label or typed')
    .option('--json', 'print a JSON array, one {input, ndc11, ndc11Hyphenated, configuration} or {input, error} per code')
    .action((codes: string[], opts: { json?: boolean }) => {
      // No product catalog yet: it arrives with the openFDA load (a later issue). Until then a
      // bare 10-digit code cannot be resolved and is reported as ambiguous, with the reason.
      const lines: NormalizeLine[] = codes.map((input) => {
        const r = parseNdc(input);
        return r.ok ? { input, ...r.value } : { input, error: r.error };
      });
      if (opts.json) console.log(JSON.stringify(lines, null, 2));
      else for (const line of lines) console.log(describe(line));
      if (lines.some((line) => 'error' in line)) process.exitCode = 1;
    });
  return new Command('ndc').description('National Drug Code tools').addCommand(normalize);
}

function describe(line: NormalizeLine): string {
  if ('error' in line) return `${line.input}: invalid (${line.error.code}) ${line.error.message}`;
  return `${line.input} → ${line.ndc11Hyphenated} (${line.ndc11}, written ${line.configuration})`;
}
