import { hyphenateNdc11 } from '../../../shared/ndc';

/**
 * An 11-digit NDC shown in the 5-4-2 billing layout (`00071-0155-23`), the form pharmacists see
 * on claims; anything else is shown as stored.
 */
export function formatNdc11(ndc11: string | null): string | null {
  if (ndc11 === null) return null;
  return /^\d{11}$/.test(ndc11) ? hyphenateNdc11(ndc11) : ndc11;
}
