/**
 * An 11-digit NDC shown in the 5-4-2 billing layout (`00071-0155-23`), the form pharmacists see
 * on claims; anything else is shown as stored.
 */
export function formatNdc11(ndc11: string | null): string | null {
  if (ndc11 === null) return null;
  if (!/^\d{11}$/.test(ndc11)) return ndc11;
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}
