import { Command } from 'commander';
import { normalizeGsSeparators } from '../../../shared/gs1/gs-separator';
import { parseGs1, type Gs1Scan } from '../../../shared/gs1/parse-gs1';

const SEPARATOR_HELP = `
The GS separator (FNC1, 0x1D) that ends a variable-length field may be given as a real GS
character (bash: $'\\x1d'), or typed as <GS>, \\x1d or | (quote the argument in a shell).
The human-readable form (01)...(17)...(10)... needs no separator. A symbology identifier
prefix (]d2, ]C1, ]Q3, ]e0, ]J1) is accepted and ignored.

Examples:
  atlas gs1 parse '0100367457153032101724847.1<GS>1721033121118165795226'
  atlas gs1 parse '(01)00367457153032(17)210331(10)1724847.1(21)118165795226' --json`;

type ParseOutput = Pick<Gs1Scan, 'gtin' | 'ndc10' | 'expiry' | 'lot' | 'serial' | 'productionDate'>;

/** `atlas gs1 parse <element-string>`: what a GS1 barcode scan says; exit 1 if it cannot be read. */
export function gs1Command(): Command {
  const parse = new Command('parse')
    .description('read a GS1 DataMatrix / GS1-128 scan: GTIN, NDC, expiry, lot, serial, production date')
    .argument('<element-string>', 'the scan, as a scanner types it or in the (AI)value form')
    .option('--json', 'print {gtin, ndc10, expiry, lot, serial, productionDate}, or {error: {code, message}}')
    .addHelpText('after', SEPARATOR_HELP)
    .action((scan: string, opts: { json?: boolean }) => {
      const r = parseGs1(normalizeGsSeparators(scan));
      if (!r.ok) {
        if (opts.json) console.log(JSON.stringify({ error: r.error }, null, 2));
        else console.error(`atlas: cannot read the GS1 scan (${r.error.code}): ${r.error.message}`);
        process.exitCode = 1;
        return;
      }
      const { gtin, ndc10, expiry, lot, serial, productionDate } = r.value;
      const out: ParseOutput = { gtin, ndc10, expiry, lot, serial, productionDate };
      if (opts.json) console.log(JSON.stringify(out, null, 2));
      else for (const [label, value] of Object.entries(LABELS)) console.log(`${label.padEnd(16)} ${out[value] ?? '-'}`);
    });
  return new Command('gs1').description('GS1 barcode tools').addCommand(parse);
}

const LABELS: Readonly<Record<string, keyof ParseOutput>> = {
  GTIN: 'gtin',
  NDC10: 'ndc10',
  Expiry: 'expiry',
  Lot: 'lot',
  Serial: 'serial',
  'Production date': 'productionDate',
};
