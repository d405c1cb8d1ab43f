import { locationIdFor } from '../../../shared/ids';
import type { MutationArgs } from '../../../shared/inventory/mutations';
import type { ReplicaDb } from '../replica/open-replica';

export interface ResolvedLocation {
  id: string;
  /** Set when the location does not exist yet and the import must create it. */
  create: MutationArgs<'location.upsert'> | null;
}

/**
 * Where an imported row goes. A cell naming an existing location by its label
 * ("Main / Cold room / B-04") or, within the chosen warehouse, by its bin alone, is that
 * location; anything else becomes a new bin in the chosen warehouse; an empty cell is the
 * warehouse itself. Matching ignores case and repeated spaces, as people type labels loosely.
 */
export class ImportLocations {
  private readonly byLabel = new Map<string, string>();
  private readonly binsInWarehouse = new Map<string, string>();

  constructor(
    db: ReplicaDb,
    private readonly companyId: string,
    private readonly warehouse: string,
  ) {
    const rows = db.$client
      .prepare('SELECT id, warehouse, zone, bin FROM locations WHERE company_id = ? AND deleted = 0')
      .all(companyId) as { id: string; warehouse: string; zone: string | null; bin: string | null }[];
    for (const l of rows) {
      this.byLabel.set(key([l.warehouse, l.zone, l.bin].filter(Boolean).join(' / ')), l.id);
      if (key(l.warehouse) === key(warehouse) && l.bin) this.binsInWarehouse.set(key(l.bin), l.id);
    }
  }

  resolve(cell: string | null): ResolvedLocation {
    const text = cell?.trim() ?? '';
    const known = this.byLabel.get(key(text || this.warehouse)) ?? (text ? this.binsInWarehouse.get(key(text)) : undefined);
    if (known) return { id: known, create: null };
    const args = { warehouse: this.warehouse, zone: null, bin: text || null };
    return { id: locationIdFor(this.companyId, args.warehouse, args.zone, args.bin), create: args };
  }

  /** After a location was created, later rows find it without creating it again. */
  created(cell: string | null, id: string): void {
    const text = cell?.trim() ?? '';
    if (text) this.binsInWarehouse.set(key(text), id);
    else this.byLabel.set(key(this.warehouse), id);
  }
}

const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
