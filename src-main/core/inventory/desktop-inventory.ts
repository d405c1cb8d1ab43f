import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { parseGs1 } from '../../../shared/gs1';
import { newId } from '../../../shared/ids';
import { suggestFefo, type FefoSuggestion } from '../../../shared/inventory/fefo';
import type { MutationArgs } from '../../../shared/inventory/mutations';
import { ndc10Readings } from '../../../shared/ndc';
import { parseNdc } from '../../../shared/ndc';
import { locations, lots, products } from '../../db/schema';
import type { ReplicaDb } from '../replica/open-replica';
import type { LocalMutations } from './local-mutations';
import { lotDetail } from './lot-detail';
import { fefoCandidates, listStock, pickableByLocation, type StockFilter } from './stock-query';

type Session = { companyId: string; userId: string };
type Command<N extends Parameters<LocalMutations['apply']>[1]> = Omit<MutationArgs<N>, 'movementId' | 'movementInId'>;

/**
 * Everything the stock screens do, on the replica only (so it all works offline): queries read
 * the encrypted SQLite; commands go through LocalMutations (replica + outbox) and sync later.
 */
export class DesktopInventory {
  constructor(
    private readonly db: ReplicaDb,
    private readonly mutations: LocalMutations,
    private readonly session: () => Session,
  ) {}

  stock(filter: Omit<StockFilter, 'companyId'>) {
    return listStock(this.db, { ...filter, companyId: this.session().companyId });
  }

  /** Where a product can be picked from today, by location, earliest expiry first. */
  pickable(productId: string, today: string) {
    return pickableByLocation(this.db, this.session().companyId, productId, today);
  }

  lot(lotId: string) {
    return lotDetail(this.db, this.session().companyId, lotId);
  }

  locations() {
    return this.db
      .select({ id: locations.id, warehouse: locations.warehouse, zone: locations.zone, bin: locations.bin, pendingSync: sql<number>`${locations.version} = 0` })
      .from(locations)
      .where(and(eq(locations.companyId, this.session().companyId), eq(locations.deleted, false)))
      .orderBy(asc(locations.warehouse), asc(locations.zone), asc(locations.bin))
      .all()
      .map((l) => ({ ...l, pendingSync: Boolean(l.pendingSync), label: [l.warehouse, l.zone, l.bin].filter(Boolean).join(' / ') }));
  }

  products(search: string | undefined, limit = 50) {
    const pattern = search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const digits = search?.replace(/\D/g, '') ?? '';
    return this.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.companyId, this.session().companyId),
          eq(products.deleted, false),
          pattern
            ? or(
                sql`${products.name} LIKE ${pattern} ESCAPE '\\'`,
                sql`${products.genericName} LIKE ${pattern} ESCAPE '\\'`,
                digits.length >= 3 ? like(products.ndc11, `%${digits}%`) : undefined,
                digits.length >= 3 ? like(products.gtin, `%${digits}%`) : undefined,
              )
            : undefined,
        ),
      )
      .orderBy(asc(products.name))
      .limit(limit)
      .all()
      .map((p) => ({ ...p, pendingSync: p.version === 0 }));
  }

  /**
   * What a scan (GS1 DataMatrix / GS1-128 element string, or a plain NDC) refers to: the parsed
   * fields, the product in this company's catalogue and the lot if it is already known.
   */
  scan(code: string) {
    const companyId = this.session().companyId;
    const parsed = parseGs1(code);
    if (!parsed.ok) {
      const ndc = parseNdc(code);
      if (!ndc.ok) throw new AppError(parsed.error.code, parsed.error.message);
      const product = this.productWhere(eq(products.ndc11, ndc.value.ndc11));
      return { gtin: null, ndc11: ndc.value.ndc11, expiry: null, lot: null, serial: null, productionDate: null, product, lotId: null };
    }
    const s = parsed.value;
    let product = s.gtin ? this.productWhere(eq(products.gtin, s.gtin)) : null;
    if (!product && s.ndc10) {
      // An NDC10 without hyphens can be read three ways (4-4-2, 5-3-2, 5-4-1): the catalogue decides.
      const candidates = ndc10Readings(s.ndc10).map((r) => r.ndc11);
      const matches = candidates.map((ndc11) => this.productWhere(eq(products.ndc11, ndc11))).filter((p) => p !== null);
      product = matches.length === 1 ? (matches[0] ?? null) : null;
    }
    const lot =
      product && s.lot
        ? (this.db
            .select({ id: lots.id })
            .from(lots)
            .where(and(eq(lots.companyId, companyId), eq(lots.productId, product.id), eq(lots.lotNumber, s.lot)))
            .get() ?? null)
        : null;
    return { gtin: s.gtin, ndc11: product?.ndc11 ?? null, expiry: s.expiry, lot: s.lot, serial: s.serial, productionDate: s.productionDate, product, lotId: lot?.id ?? null };
  }

  /** First-expiry-first-out suggestion for picking `quantity` of a product at a location. */
  fefo(productId: string, locationId: string, quantity: number, today: string): FefoSuggestion & { lots: { lotId: string; lotNumber: string; expiry: string; quantity: number }[] } {
    const companyId = this.session().companyId;
    const candidates = fefoCandidates(this.db, companyId, productId, locationId);
    const suggestion = suggestFefo(candidates, quantity, today);
    const byId = new Map(candidates.map((c) => [c.lotId, c]));
    return {
      ...suggestion,
      lots: suggestion.allocations.map((a) => {
        const c = byId.get(a.lotId);
        return { lotId: a.lotId, lotNumber: c?.lotNumber ?? '', expiry: c?.expiry ?? '', quantity: a.quantity };
      }),
    };
  }

  upsertProduct(args: MutationArgs<'product.upsert'>) {
    return this.mutations.apply(this.session(), 'product.upsert', args);
  }

  upsertLocation(args: MutationArgs<'location.upsert'>) {
    return this.mutations.apply(this.session(), 'location.upsert', args);
  }

  receive = (c: Command<'stock.receive'>) => this.withMovement('stock.receive', c);
  pick = (c: Command<'stock.pick'>) => this.withMovement('stock.pick', c);
  adjust = (c: Command<'stock.adjust'>) => this.withMovement('stock.adjust', c);
  count = (c: Command<'stock.count'>) => this.withMovement('stock.count', c);
  quarantine = (c: Command<'lot.quarantine'>) => this.withMovement('lot.quarantine', c);
  release = (c: Command<'lot.release'>) => this.withMovement('lot.release', c);
  recall = (c: Command<'lot.recall'>) => this.withMovement('lot.recall', c);

  async transfer(c: Command<'stock.transfer'>): Promise<{ movementId: string; movementInId: string }> {
    const ids = { movementId: newId(), movementInId: newId() };
    await this.mutations.apply(this.session(), 'stock.transfer', { ...c, ...ids } as MutationArgs<'stock.transfer'>);
    return ids;
  }

  private async withMovement<N extends 'stock.receive' | 'stock.pick' | 'stock.adjust' | 'stock.count' | 'lot.quarantine' | 'lot.release' | 'lot.recall'>(
    name: N,
    command: Command<N>,
  ): Promise<{ movementId: string }> {
    const movementId = newId();
    await this.mutations.apply(this.session(), name, { ...command, movementId } as MutationArgs<N>);
    return { movementId };
  }

  private productWhere(condition: ReturnType<typeof eq>) {
    return (
      this.db
        .select()
        .from(products)
        .where(and(eq(products.companyId, this.session().companyId), eq(products.deleted, false), condition))
        .get() ?? null
    );
  }
}
