import type { Packaging } from './drug-list';

export interface PackageOption {
  /** As on the carton, e.g. "bottle of 90". */
  description: string;
  /** The unit stock is counted in. */
  unit: string;
  /** How many units arrive per case: receipts are whole cases. */
  caseSize: number;
  /** How many cases a receipt usually brings. */
  cases: readonly [number, number];
}

const p = (description: string, unit: string, caseSize: number, cases: [number, number]): PackageOption => ({ description, unit, caseSize, cases });

/** Common US trade packages for each kind of packaging. */
export const PACKAGES: Record<Packaging, readonly PackageOption[]> = {
  solid: [
    p('bottle of 30', 'bottle', 24, [2, 12]),
    p('bottle of 90', 'bottle', 24, [2, 10]),
    p('bottle of 100', 'bottle', 12, [2, 16]),
    p('bottle of 500', 'bottle', 12, [1, 6]),
    p('bottle of 1,000', 'bottle', 6, [1, 6]),
    p('carton of 100 (10 × 10 unit-dose blisters)', 'carton', 10, [1, 8]),
    p('blister card of 30', 'blister pack', 50, [1, 6]),
  ],
  liquid: [p('bottle of 100 mL', 'bottle', 24, [1, 8]), p('bottle of 473 mL', 'bottle', 12, [1, 6])],
  vial: [
    p('single-dose vial', 'vial', 25, [1, 8]),
    p('multiple-dose vial', 'vial', 10, [1, 10]),
    p('carton of 10 single-dose vials', 'carton', 10, [1, 6]),
    p('carton of 25 vials', 'carton', 4, [1, 8]),
  ],
  powder: [p('single-dose vial', 'vial', 10, [2, 12]), p('carton of 10 vials', 'carton', 5, [1, 8])],
  ampule: [p('carton of 10 ampules', 'carton', 10, [1, 6]), p('carton of 25 ampules', 'carton', 4, [1, 8])],
  bag: [p('single bag', 'bag', 24, [2, 10]), p('case of 24 bags', 'case', 1, [4, 40])],
  syringe: [p('prefilled syringe', 'syringe', 10, [2, 12]), p('carton of 10 prefilled syringes', 'carton', 5, [1, 8])],
  pen: [p('prefilled pen (3 mL)', 'pen', 10, [1, 8]), p('carton of 5 prefilled pens', 'carton', 6, [1, 6])],
  inhaler: [p('inhaler', 'inhaler', 24, [1, 8]), p('carton of 1 inhaler with counter', 'carton', 24, [1, 6])],
  tube: [p('tube of 15 g', 'tube', 24, [1, 6]), p('tube of 30 g', 'tube', 24, [1, 6]), p('tube of 45 g', 'tube', 12, [1, 6])],
  dropper: [p('dropper bottle of 2.5 mL', 'bottle', 24, [1, 6]), p('dropper bottle of 5 mL', 'bottle', 24, [1, 6]), p('dropper bottle of 10 mL', 'bottle', 12, [1, 6])],
  patch: [p('carton of 5 patches', 'carton', 10, [1, 6]), p('carton of 10 patches', 'carton', 10, [1, 4])],
};

/** "Tablet, film coated" → "Tablets", for the product name. */
export function formNoun(form: string, packaging: Packaging): string {
  const head = form.split(',')[0]?.split('/')[0]?.trim().toLowerCase() ?? '';
  if (head === 'tablet') return 'Tablets';
  if (head === 'capsule') return 'Capsules';
  if (packaging === 'patch') return 'Transdermal System';
  if (packaging === 'inhaler') return 'Inhalation';
  if (packaging === 'dropper') return 'Ophthalmic';
  if (packaging === 'powder') return 'for Injection';
  if (head === 'injection' || packaging === 'vial' || packaging === 'bag' || packaging === 'syringe' || packaging === 'pen') return 'Injection';
  if (packaging === 'ampule') return head === 'suspension' ? 'Inhalation Suspension' : 'Inhalation Solution';
  if (head === 'cream') return 'Cream';
  if (head === 'ointment') return 'Ointment';
  if (head === 'powder') return 'for Oral Suspension';
  return 'Oral Solution';
}
