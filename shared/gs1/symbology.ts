import { fail, ok, type Result } from '../ndc/result';

/**
 * Symbology identifiers (ISO/IEC 15424) of the carriers that hold GS1 Application Identifier
 * data, GS1 General Specifications §7.8. A scanner may prefix them to what it types; they are
 * case-sensitive (`]E0` is EAN/UPC, `]e0` GS1 DataBar).
 */
const GS1_SYMBOLOGIES: Readonly<Record<string, string>> = {
  ']C1': 'GS1-128',
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
  ']e0': 'GS1 DataBar',
  ']J1': 'GS1 DotCode',
};

export interface Unwrapped {
  /** The carrier named by the prefix, or null when the scanner sent none. */
  symbology: string | null;
  data: string;
}

/** Removes a GS1 symbology identifier; another one means the scan is not GS1 AI data. */
export function stripSymbologyIdentifier(scan: string): Result<Unwrapped> {
  if (!scan.startsWith(']')) return ok({ symbology: null, data: scan });
  const prefix = scan.slice(0, 3);
  const symbology = GS1_SYMBOLOGIES[prefix];
  if (symbology === undefined) {
    return fail(
      'gs1/invalid',
      `The scan starts with symbology identifier "${prefix}", which does not carry GS1 Application Identifier data; expected ${Object.keys(GS1_SYMBOLOGIES).join(', ')} or none.`,
    );
  }
  return ok({ symbology, data: scan.slice(3) });
}
