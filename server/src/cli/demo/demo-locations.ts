import type { MutationArgs } from '../../../../shared/inventory/mutations';

export type Site = 'newark' | 'memphis' | 'reno';
export type LocationRole = 'ambient' | 'cold' | 'vault' | 'controlled' | 'quarantine' | 'returns' | 'destruction';

export interface DemoLocation {
  /** Exactly what `stock.upsertLocation` receives. */
  args: MutationArgs<'location.upsert'> & { zone: string; bin: string };
  site: Site;
  role: LocationRole;
}

export interface DemoWarehouse {
  name: string;
  site: Site;
  description: string;
}

export const WAREHOUSES: readonly DemoWarehouse[] = [
  { name: 'Newark DC', site: 'newark', description: 'main distribution centre: ambient racking, a 2–8 °C cold room, CII vault and controlled-substance cage' },
  { name: 'Memphis Cold Chain', site: 'memphis', description: 'refrigerated hub for biologics, vaccines and insulin, with an ambient overflow' },
  { name: 'Reno Returns', site: 'reno', description: 'customer returns, quarantine and destruction hold' },
];

type Zone = { zone: string; role: LocationRole; bins: string[] };

// Bins are aisle-bay-level (A-03-2) in racking, and named cages or shelves elsewhere.
const rack = (aisle: string, bays: number, levels: number) =>
  Array.from({ length: bays * levels }, (_, i) => `${aisle}-${String(Math.floor(i / levels) + 1).padStart(2, '0')}-${(i % levels) + 1}`);

const LAYOUT: Record<Site, Zone[]> = {
  newark: [
    { zone: 'Ambient A (15–25 °C)', role: 'ambient', bins: rack('A', 4, 3) },
    { zone: 'Ambient B (15–25 °C)', role: 'ambient', bins: rack('B', 3, 3) },
    { zone: 'Cold room (2–8 °C)', role: 'cold', bins: ['CR-01', 'CR-02', 'CR-03', 'CR-04'] },
    { zone: 'CII vault', role: 'vault', bins: ['V-01', 'V-02'] },
    { zone: 'Controlled cage (CIII–CV)', role: 'controlled', bins: ['CG-01', 'CG-02'] },
    { zone: 'Quarantine cage', role: 'quarantine', bins: ['Q-01', 'Q-02'] },
  ],
  memphis: [
    { zone: 'Cold room (2–8 °C)', role: 'cold', bins: rack('C', 4, 2) },
    { zone: 'Ambient overflow (15–25 °C)', role: 'ambient', bins: rack('M', 2, 2) },
    { zone: 'CII vault', role: 'vault', bins: ['V-01'] },
    { zone: 'Quarantine cage (2–8 °C)', role: 'quarantine', bins: ['QC-01', 'QC-02'] },
  ],
  reno: [
    { zone: 'Returns intake', role: 'returns', bins: ['R-01', 'R-02', 'R-03'] },
    { zone: 'Saleable returns (15–25 °C)', role: 'ambient', bins: ['N-01', 'N-02'] },
    { zone: 'Quarantine cage', role: 'quarantine', bins: ['Q-01', 'Q-02'] },
    { zone: 'Destruction hold', role: 'destruction', bins: ['D-01'] },
  ],
};

/** Every bin of the three demo warehouses, in a fixed order. */
export function demoLocations(): DemoLocation[] {
  return WAREHOUSES.flatMap((w) =>
    (LAYOUT[w.site] ?? []).flatMap((z) => z.bins.map((bin) => ({ args: { warehouse: w.name, zone: z.zone, bin }, site: w.site, role: z.role }))),
  );
}
