import { isEmptyCell, quoteCell } from './cell-text';
import { resolveGtinCell, type GtinCellResult } from './gtin-cell';
import { productNameKey } from './import-catalog';
import { resolveNdcCell, type NdcCellResult } from './ndc-repair';
import { resolveProduct, type ProductResolution } from './resolve-product';
import type { Report, RowContext } from './row-context';
import { TARGET_LABELS } from './target-labels';
import type { Cell, ImportCatalog, ImportTarget } from './types';
import { remember } from './bounded-memo';

export interface RowIdentity {
  /** The same number for the same product, for duplicate detection. */
  index: number;
  ndc11: string | null;
  gtin: string | null;
  productId: string | null;
}

/**
 * Which product a row is about: its NDC and GTIN cells checked (and repaired), then the catalog.
 * A row whose product is not in the catalog is still valid when it has a name to create the
 * product from (a warning says so); without one it cannot be imported.
 */
export class RowIdentifier {
  private readonly ndcs = new Map<Cell, NdcCellResult>();
  private readonly gtins = new Map<Cell, GtinCellResult>();
  /**
   * Catalog answers by NDC, GTIN and name. Keyed by strings that already exist (the memoised
   * ndc11/gtin14, the cell's name), so a lookup builds no key and V8 reuses the cached hash.
   */
  private readonly byNdc = new Map<string, Resolved>();
  private readonly byGtin = new Map<string, Resolved>();
  private readonly byName = new Map<string, Resolved>();
  /** Product key → index for duplicate detection; grows with distinct products, not rows. */
  private readonly indexes = new Map<string, number>();

  constructor(
    private readonly catalog: ImportCatalog,
    private readonly columns: { ndc: number; gtin: number; productCode: number; productName: number },
    private readonly report: Report,
  ) {}

  identify(ctx: RowContext, cells: readonly Cell[], productName: string | null, productCode: string | null): RowIdentity | null {
    let ndc11: string | null = null;
    let gtin: string | null = null;
    let broken = false;
    const ndcCell = this.columns.ndc < 0 ? null : (cells[this.columns.ndc] ?? null);
    if (!isEmptyCell(ndcCell)) {
      const result = this.ndcs.get(ndcCell) ?? remember(this.ndcs, ndcCell, resolveNdcCell(ndcCell, this.catalog));
      if (result.ok) {
        ndc11 = result.ndc11;
        if (result.repaired && result.note) this.report(ctx, 'ndc', 'ndc-repaired', 'warning', `${quoteCell(ndcCell)}: ${result.note}`);
      } else {
        this.report(ctx, 'ndc', result.code, 'error', result.reason);
        broken = true;
      }
    }
    const gtinCell = this.columns.gtin < 0 ? null : (cells[this.columns.gtin] ?? null);
    if (!isEmptyCell(gtinCell)) {
      const result = this.gtins.get(gtinCell) ?? remember(this.gtins, gtinCell, resolveGtinCell(gtinCell));
      if (result.ok) gtin = result.gtin14;
      else {
        this.report(ctx, 'gtin', 'bad-gtin', 'error', result.reason);
        broken = true;
      }
    }
    if (broken) return null;
    if (!ndc11 && !gtin && !productName && !productCode) {
      const mapped = (['ndc', 'gtin', 'productCode', 'productName'] as const).filter((t) => this.columns[t] >= 0).map((t) => TARGET_LABELS[t]);
      // With no such column mapped at all, the row already says so (missingRequiredTargets).
      if (mapped.length > 0) {
        const cells = mapped.length === 1 ? `${mapped[0]} cell is` : `${mapped.slice(0, -1).join(', ')} and ${mapped.at(-1)} cells are`;
        this.report(ctx, null, 'missing-value', 'error', `nothing identifies the product: the ${cells} empty`);
      }
      return null;
    }
    const { resolution, index } = this.resolve(ndc11, gtin, productName);
    if (resolution.product) {
      const { product } = resolution;
      return { index, ndc11: ndc11 ?? product.ndc11, gtin: gtin ?? product.gtin, productId: product.id };
    }
    // A product is created from its NDC (products are keyed by it, SYNC.md); a name alone
    // may only find an existing one.
    if (productName && ndc11 && !resolution.ambiguous) {
      this.report(ctx, null, 'unknown-product', 'warning', `${resolution.reason}; a new product "${productName}" will be created`);
      return { index, ndc11, gtin, productId: null };
    }
    let why = ', and the row has no product name to create it from';
    if (resolution.ambiguous) why = '';
    else if (productName && !ndc11) why = '; add its NDC to create it';
    else if (productCode && !ndc11 && !gtin) why = `; product code "${productCode}" alone cannot be matched (the catalog is searched by NDC, GTIN and name): add the product name`;
    const target: ImportTarget | null = ndc11 ? 'ndc' : gtin ? 'gtin' : productName ? 'productName' : null;
    this.report(ctx, target, 'unknown-product', 'error', `${resolution.reason}${why}`);
    return null;
  }

  /** resolveProduct's order (NDC, else GTIN, else name), each answer asked of the catalog once. */
  private resolve(ndc11: string | null, gtin: string | null, productName: string | null): Resolved {
    const memo = ndc11 ? this.byNdc : gtin ? this.byGtin : this.byName;
    const key = ndc11 ?? gtin ?? productName ?? '';
    const known = memo.get(key);
    if (known) return known;
    const resolution = resolveProduct({ ndc11, gtin: ndc11 ? null : gtin, productName: ndc11 || gtin ? null : productName }, this.catalog);
    let identityKey = `name:${productNameKey(key)}`;
    if (resolution.product) identityKey = `id:${resolution.product.id}`;
    else if (ndc11) identityKey = `ndc:${ndc11}`;
    else if (gtin) identityKey = `gtin:${gtin}`;
    let index = this.indexes.get(identityKey);
    if (index === undefined) this.indexes.set(identityKey, (index = this.indexes.size + 1));
    return remember(memo, key, { resolution, index });
  }
}

interface Resolved {
  resolution: ProductResolution;
  index: number;
}
