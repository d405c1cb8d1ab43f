import { AppError } from '../../../../shared/errors';
import { formatNdc10, ndc10ToGtin14 } from '../../../../shared/ndc';
import type { MutationArgs } from '../../../../shared/inventory/mutations';
import { DRUGS, type Drug } from './drug-list';
import { LABELERS, type Labeler, type LabelerKind, type LotStyle } from './demo-labelers';
import { PACKAGES, formNoun, type PackageOption } from './demo-packaging';
import { SeededRandom } from './seeded-random';

export type ProductArgs = MutationArgs<'product.upsert'>;

export interface DemoProduct {
  /** Exactly what `stock.upsertProduct` receives. */
  args: ProductArgs & { gtin: string };
  /** The 4-4-2 NDC10 the GTIN carries. */
  ndc10: string;
  lotStyles: readonly LotStyle[];
  package: PackageOption;
  shelfLifeMonths: number;
}

// Two-digit package codes by position in the packaging's option list.
const PACKAGE_CODES = ['01', '10', '30', '50', '60', '70', '90'];
const SMALL_WORDS = new Set(['and', 'of', 'for', 'in', 'with']);

/**
 * `count` products from the built-in drug list, with made-up NDCs under the fictitious labelers.
 * Deterministic for a seed and prefix-stable: the first 240 of 300 are the 240 you get asking for
 * 240, so `--again --products 300` adds 60 new products and leaves the others as they are.
 */
export function generateCatalog(seed: number, count: number): DemoProduct[] {
  const random = SeededRandom.derive(seed, 'catalog');
  const order = random.shuffle(DRUGS.map((_, i) => i));
  const taken = new Set<string>();
  const productCodes = new Map<string, string>();
  const usedCodes = new Set<string>();
  const products: DemoProduct[] = [];

  for (let i = 0; products.length < count; i++) {
    if (i >= count * 20) throw new AppError('validation/invalid-input', `The demo catalogue has no ${count} distinct products; ask for fewer.`);
    const drugIndex = order[i % order.length] ?? 0;
    const drug = DRUGS[drugIndex] as Drug;
    const candidates = LABELERS.filter((l) => l.kinds.includes(labelerKind(drug)));
    let choice: { strength: string; pkgIndex: number; labeler: Labeler } | null = null;
    for (let attempt = 0; attempt < 20 && choice === null; attempt++) {
      const strength = random.pick(drug.strengths);
      const pkgIndex = random.int(0, PACKAGES[drug.packaging].length - 1);
      const labeler = random.pick(candidates);
      const key = `${drugIndex}|${strength}|${pkgIndex}|${labeler.code}`;
      if (taken.has(key)) continue;
      taken.add(key);
      choice = { strength, pkgIndex, labeler };
    }
    if (choice === null) continue; // this drug's combinations are (nearly) all in the catalogue already
    const { strength, pkgIndex, labeler } = choice;

    // The product segment names drug + strength + form for one labeler; the package segment the pack.
    const productKey = `${labeler.code}|${drugIndex}|${strength}`;
    let productCode = productCodes.get(productKey);
    while (productCode === undefined) {
      const candidate = String(random.int(1, 9_999)).padStart(4, '0');
      if (!usedCodes.has(`${labeler.code}${candidate}`)) {
        usedCodes.add(`${labeler.code}${candidate}`);
        productCodes.set(productKey, candidate);
        productCode = candidate;
      }
    }
    const ndc11 = `${labeler.code}${productCode}${PACKAGE_CODES[pkgIndex] ?? '99'}`;
    const ndc10 = unwrap(formatNdc10(ndc11, '4-4-2'));
    const gtin = unwrap(ndc10ToGtin14(ndc10));
    const pkg = PACKAGES[drug.packaging][pkgIndex] as PackageOption;

    products.push({
      args: {
        ndc11,
        gtin,
        name: `${titleCase(drug.generic)} ${formNoun(drug.form, drug.packaging)} ${strength}, ${pkg.description}`,
        genericName: drug.generic,
        manufacturer: labeler.name,
        strength,
        dosageForm: drug.form,
        category: drug.category,
        schedule: drug.schedule,
        coldChain: drug.coldChain,
        unit: pkg.unit,
      },
      ndc10,
      lotStyles: labeler.lotStyles,
      package: pkg,
      shelfLifeMonths: drug.shelfLifeMonths,
    });
  }
  return products;
}

function labelerKind(drug: Drug): LabelerKind {
  const sterile = ['vial', 'powder', 'ampule', 'bag', 'syringe', 'pen'].includes(drug.packaging);
  if (sterile && drug.coldChain) return 'biologic';
  return sterile ? 'sterile' : 'oral';
}

function titleCase(generic: string): string {
  return generic
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new AppError('internal/unexpected', `Demo catalogue: ${r.error.message}`);
  return r.value;
}
