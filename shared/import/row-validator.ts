import { missingRequiredTargets } from './auto-map';
import { isEmptyCell, quoteCell } from './cell-text';
import { DuplicateIndex } from './duplicate-index';
import { parseDateCell, type DateCellResult } from './dates';
import { parseMoney, parseQuantity, type MoneyResult, type QuantityResult } from './quantity';
import type { RowContext } from './row-context';
import { RowIdentifier } from './row-identity';
import { columnLabel, TARGET_LABELS } from './target-labels';
import { InvalidText, readLot, readText, TEXT_LIMITS } from './text-fields';
import { IMPORT_TARGETS, type Cell, type CellReadings, type ImportCatalog, type ImportIssue, type ImportIssueCode, type ImportPlan, type ImportTarget, type NormalizedRow } from './types';
import { remember } from './bounded-memo';

export interface RowValidation {
  /** The normalised row, or null when an error makes it unimportable. */
  row: NormalizedRow | null;
  /** For an unimportable row: what its cells were read as, where they could be. */
  readings?: CellReadings;
  issues: ImportIssue[];
  /** Every cell empty: not an error, just skipped (and counted as blank). */
  blank: boolean;
}

type TextTarget = keyof typeof TEXT_LIMITS;
/** Cells that mean "no value" in a price column. */
const NO_AMOUNT = /^(?:n\/?a|-+|—|–|\?)$/i;

/** A refused row: its issues, and what its cells were read as for the preview. */
function unimportable(ctx: RowContext, identity: { ndc11: string | null } | null, expiry: string | null, manufacturedOn: string | null, quantity: { value: number } | null): RowValidation {
  return { row: null, issues: ctx.issues, blank: false, readings: { ndc11: identity?.ndc11 ?? null, expiry, manufacturedOn, quantity: quantity?.value ?? null } };
}

/**
 * Validates and normalises rows one at a time, streaming: it keeps only the duplicate keys and
 * bounded memos. Errors make a row unimportable; warnings leave it valid. A row with quantity 0
 * is valid with a zero-quantity warning, and the commit skips it: receiving nothing is no
 * movement, but the user should see the line was read. If the mapping lacks a required target,
 * every row says so (missingRequiredTargets tells the caller once).
 */
export class RowValidator {
  private readonly col = {} as Record<ImportTarget, number>;
  private readonly headers = new Map<number, string>();
  private readonly textSlots: { target: TextTarget; column: number; limit: number }[] = [];
  private readonly missing: string[];
  private readonly identifier: RowIdentifier;
  private readonly dateMemos: Record<'expiry' | 'manufacturedOn', Map<Cell, DateCellResult>> = { expiry: new Map(), manufacturedOn: new Map() };
  private readonly quantities = new Map<Cell, QuantityResult>();
  private readonly amounts = new Map<Cell, MoneyResult>();
  private readonly seen = new DuplicateIndex();

  constructor(
    private readonly plan: ImportPlan,
    catalog: ImportCatalog,
  ) {
    for (const target of IMPORT_TARGETS) this.col[target] = -1;
    for (const m of plan.mapping) {
      this.headers.set(m.column, m.header);
      if (m.target !== null && this.col[m.target] < 0) this.col[m.target] = m.column;
    }
    for (const target of Object.keys(TEXT_LIMITS) as TextTarget[]) {
      if (this.col[target] >= 0) this.textSlots.push({ target, column: this.col[target], limit: TEXT_LIMITS[target] });
    }
    this.missing = missingRequiredTargets(plan.mapping).map((m) => m.charAt(0).toLowerCase() + m.slice(1));
    this.report = this.report.bind(this);
    this.identifier = new RowIdentifier(catalog, this.col, this.report);
  }

  validate(rowNumber: number, cells: readonly Cell[]): RowValidation {
    if (isBlankRow(cells)) return { row: null, issues: [], blank: true };
    const ctx: RowContext = { row: rowNumber, issues: [], invalid: false };
    for (const message of this.missing) this.report(ctx, null, 'missing-value', 'error', message);
    const col = this.col;

    const text: Record<TextTarget, string | null> = { productCode: null, productName: null, manufacturer: null, strength: null, dosageForm: null, unit: null, location: null, notes: null };
    for (const slot of this.textSlots) {
      const value = readText(cells[slot.column], slot.limit);
      if (value instanceof InvalidText) this.report(ctx, slot.target, 'bad-text', 'error', `${TARGET_LABELS[slot.target]} ${value.reason}`);
      else text[slot.target] = value;
    }

    let lot: string | null = null;
    if (col.lot >= 0) {
      const value = readLot(cells[col.lot]);
      if (value instanceof InvalidText) this.report(ctx, 'lot', 'bad-lot', 'error', value.reason);
      else if (value === null) this.report(ctx, 'lot', 'missing-value', 'error', 'the lot number is empty');
      else lot = value;
    }

    const expiry = col.expiry >= 0 ? this.date(ctx, 'expiry', cells[col.expiry]) : null;
    const manufacturedOn = col.manufacturedOn >= 0 && !isEmptyCell(cells[col.manufacturedOn]) ? this.date(ctx, 'manufacturedOn', cells[col.manufacturedOn]) : null;
    if (expiry !== null && manufacturedOn !== null && expiry < manufacturedOn) {
      this.report(ctx, 'expiry', 'expiry-before-manufacture', 'error', `the expiry ${expiry} is before the manufacture date ${manufacturedOn}`);
    }
    if (expiry !== null && expiry < this.plan.today) this.report(ctx, 'expiry', 'expired', 'warning', `the lot expired on ${expiry}`);

    const quantity = col.quantity >= 0 ? this.quantity(ctx, cells[col.quantity]) : null;
    const unitCost = col.unitCost >= 0 ? this.money(ctx, 'unitCost', cells[col.unitCost]) : null;
    const price = col.price >= 0 ? this.money(ctx, 'price', cells[col.price]) : null;
    const identity = this.identifier.identify(ctx, cells, text.productName, text.productCode);

    if (ctx.invalid || lot === null || expiry === null || quantity === null || identity === null) return unimportable(ctx, identity, expiry, manufacturedOn, quantity);
    const location = text.location;
    const first = this.seen.check(identity.index, lot, location ?? '', expiry, rowNumber);
    if (first !== 0) {
      this.report(ctx, null, 'duplicate-row', 'error', `repeats row ${first} (same product, lot, location and expiry); merge the two quantities or delete one of the rows`);
      return unimportable(ctx, identity, expiry, manufacturedOn, quantity);
    }
    const row: NormalizedRow = {
      row: rowNumber,
      ndc11: identity.ndc11,
      gtin: identity.gtin,
      productCode: text.productCode,
      productName: text.productName,
      manufacturer: text.manufacturer,
      strength: text.strength,
      dosageForm: text.dosageForm,
      productId: identity.productId,
      lotNumber: lot,
      expiry,
      manufacturedOn,
      quantity: quantity.value,
      unit: text.unit ?? quantity.unit,
      location,
      unitCost,
      price,
      notes: text.notes,
    };
    return { row, issues: ctx.issues, blank: false };
  }

  private report(ctx: RowContext, target: ImportTarget | null, code: ImportIssueCode, severity: 'error' | 'warning', reason: string): void {
    const column = target === null || this.col[target] < 0 ? null : this.col[target];
    const where = column === null ? `Row ${ctx.row}` : `Row ${ctx.row}, column "${this.headers.get(column) ?? ''}"`;
    ctx.issues.push({ row: ctx.row, column, target, code, severity, message: `${where}: ${reason}` });
    if (severity === 'error') ctx.invalid = true;
  }

  private date(ctx: RowContext, target: 'expiry' | 'manufacturedOn', value: Cell | undefined): string | null {
    if (value === undefined || isEmptyCell(value)) {
      this.report(ctx, target, 'missing-value', 'error', `the ${TARGET_LABELS[target]} date is empty`);
      return null;
    }
    const column = this.col[target];
    const memo = this.dateMemos[target];
    const result = memo.get(value) ?? remember(memo, value, parseDateCell(value, this.plan.dateOrders[column] ?? null, this.plan.dateSystem));
    if (result.ok) return result.iso;
    if (result.ambiguous) {
      this.report(ctx, target, 'ambiguous-date', 'error', result.reason.replace('this column', columnLabel(column, this.headers.get(column) ?? '')));
    } else this.report(ctx, target, 'bad-date', 'error', result.reason);
    return null;
  }

  private quantity(ctx: RowContext, value: Cell | undefined): { value: number; unit: string | null } | null {
    if (value === undefined || isEmptyCell(value)) {
      this.report(ctx, 'quantity', 'missing-value', 'error', 'the quantity is empty');
      return null;
    }
    const result = this.quantities.get(value) ?? remember(this.quantities, value, parseQuantity(value));
    if (!result.ok) {
      this.report(ctx, 'quantity', 'bad-quantity', 'error', result.reason);
      return null;
    }
    const limit = this.plan.quantityOutlierAbove;
    if (result.value === 0) this.report(ctx, 'quantity', 'zero-quantity', 'warning', 'the quantity is 0; the row is kept but nothing will be received for it');
    else if (limit !== null && result.value > limit) {
      this.report(ctx, 'quantity', 'quantity-outlier', 'warning', `${quoteCell(value)} is far above the other quantities in this file (more than ${limit}); check it is not a typo`);
    }
    return result;
  }

  private money(ctx: RowContext, target: 'unitCost' | 'price', value: Cell | undefined): number | null {
    if (value === undefined || isEmptyCell(value) || (typeof value === 'string' && NO_AMOUNT.test(value.trim()))) return null;
    const result = this.amounts.get(value) ?? remember(this.amounts, value, parseMoney(value));
    if (result.ok) return result.value;
    this.report(ctx, target, 'bad-number', 'error', result.reason);
    return null;
  }
}

function isBlankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isEmptyCell(cells[i])) return false;
  return true;
}
