import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../../../shared/gs1';
import { addDays, expiryBand } from '../../../../shared/inventory/expiry';
import { ADJUST_REASONS, locationUpsertArgs, productUpsertArgs } from '../../../../shared/inventory/mutations';
import { gtinToNdc10, parseNdc } from '../../../../shared/ndc';
import { generateCatalog } from './demo-catalog';
import { demoStats, generateDemoData, type DemoData } from './demo-data';
import { DRUGS } from './drug-list';

const TODAY = '2026-03-15';
const full = generateDemoData({ seed: 1, products: 240, lots: 1_200, today: TODAY });

/** Stock by lot × location after running the steps, and every step that went below zero. */
function simulate(data: DemoData) {
  const levels = new Map<string, number>();
  const belowZero: string[] = [];
  const move = (lot: number, at: number, delta: number) => {
    const after = (levels.get(`${lot}@${at}`) ?? 0) + delta;
    if (delta < 0 && after < 0) belowZero.push(`${lot}@${at}`);
    levels.set(`${lot}@${at}`, after);
  };
  for (const s of data.steps) {
    if (s.kind === 'receive') move(s.lot, s.location, s.quantity);
    if (s.kind === 'pick') move(s.lot, s.location, -s.quantity);
    if (s.kind === 'adjust') move(s.lot, s.location, s.delta);
    if (s.kind === 'count') levels.set(`${s.lot}@${s.location}`, s.countedQuantity);
    if (s.kind === 'transfer') {
      move(s.lot, s.from, -s.quantity);
      move(s.lot, s.to, s.quantity);
    }
  }
  return { levels, belowZero };
}

describe('demo data generator', () => {
  it('is deterministic: the same seed and day give the same company, another seed another', () => {
    expect(generateDemoData({ seed: 1, products: 240, lots: 1_200, today: TODAY })).toEqual(full);
    const other = generateDemoData({ seed: 2, products: 240, lots: 1_200, today: TODAY });
    expect(other.products.map((p) => p.args.ndc11)).not.toEqual(full.products.map((p) => p.args.ndc11));
  });

  it('has the asked-for size: 3 warehouses with a cold room and quarantine cages, 240 products, 1,200 lots', () => {
    const stats = demoStats(full, TODAY);
    expect(stats.warehouses).toEqual(['Newark DC', 'Memphis Cold Chain', 'Reno Returns']);
    expect(stats.products).toBe(240);
    expect(stats.lots).toBe(1_200);
    const zones = full.locations.map((l) => `${l.args.warehouse} / ${l.args.zone}`);
    expect(zones).toContain('Newark DC / Cold room (2–8 °C)');
    expect(zones).toContain('Memphis Cold Chain / Quarantine cage (2–8 °C)');
    expect(zones).toContain('Reno Returns / Quarantine cage');
    for (const l of full.locations) expect(() => locationUpsertArgs.parse(l.args)).not.toThrow();
    expect(new Set(full.locations.map((l) => JSON.stringify(l.args))).size).toBe(full.locations.length);
  });

  it('builds products from the real drug list, valid for stock.upsertProduct, with cold chain and every DEA schedule', () => {
    const generics = new Set(DRUGS.map((d) => d.generic));
    for (const p of full.products) {
      expect(generics.has(p.args.genericName ?? '')).toBe(true);
      expect(productUpsertArgs.parse(p.args)).toMatchObject({ ndc11: p.args.ndc11, name: p.args.name });
    }
    expect(new Set(full.products.map((p) => p.args.genericName)).size).toBeGreaterThan(150);
    expect(new Set(full.products.map((p) => p.args.unit))).toEqual(new Set(['bottle', 'carton', 'blister pack', 'vial', 'bag', 'case', 'syringe', 'pen', 'inhaler', 'tube']));
    expect(full.products.filter((p) => p.args.coldChain).length).toBeGreaterThan(20);
    expect(new Set(full.products.map((p) => p.args.schedule).filter(Boolean))).toEqual(new Set(['CII', 'CIII', 'CIV', 'CV']));
  });

  it('gives well-formed, distinct NDCs whose 4-4-2 NDC10 and GTIN-14 agree, under labeler codes no real NDC uses', () => {
    const real = new Set(
      readFileSync(new URL('../../../../tests/fixtures/ndc/package-ndcs.csv', import.meta.url), 'utf8')
        .split(/\r?\n/)
        .filter(Boolean)
        .map((code) => code.split('-')[0]?.padStart(5, '0')),
    );
    for (const p of full.products) {
      const { ndc11, gtin } = p.args;
      expect(ndc11).toMatch(/^0\d{10}$/);
      const parsed = parseNdc(p.ndc10);
      expect(parsed.ok && parsed.value).toMatchObject({ ndc11, configuration: '4-4-2' });
      expect(hasValidCheckDigit(gtin)).toBe(true);
      expect(gtin).toMatch(/^003\d{11}$/);
      expect(gtinToNdc10(gtin)).toEqual({ ok: true, value: p.ndc10.replaceAll('-', '') });
      expect(real.has(ndc11.slice(0, 5))).toBe(false);
    }
    expect(new Set(full.products.map((p) => p.args.ndc11)).size).toBe(240);
  });

  it('is prefix-stable, so --products 300 adds to the 240 instead of changing them', () => {
    expect(generateCatalog(1, 300).slice(0, 240)).toEqual(generateCatalog(1, 240));
  });

  it('spreads expiry dates over every colour band, from expired to three years out, made before they expire', () => {
    const stats = demoStats(full, TODAY);
    for (const band of ['expired', 'le7', 'le14', 'le30', 'ok'] as const) expect(stats.expiry[band]).toBeGreaterThan(10);
    const expiries = full.lots.map((l) => l.expiry).sort();
    expect(expiries[0]! < addDays(TODAY, -120)).toBe(true);
    expect(expiries.at(-1)! > addDays(TODAY, 900)).toBe(true);
    expect(expiries.at(-1)! <= addDays(TODAY, 1_095)).toBe(true);
    for (const lot of full.lots) {
      expect(lot.manufacturedOn < lot.expiry).toBe(true);
      expect(lot.manufacturedOn <= addDays(TODAY, -21)).toBe(true);
    }
    // Even a tiny demo covers every band.
    const small = generateDemoData({ seed: 9, products: 3, lots: 7, today: TODAY });
    expect(new Set(small.lots.map((l) => expiryBand(l.expiry, TODAY)))).toEqual(new Set(['expired', 'le7', 'le14', 'le30', 'ok']));
  });

  it('writes lot numbers in several real styles, unique per product, as GS1 AI (10) allows', () => {
    const perProduct = new Set(full.lots.map((l) => `${l.product}|${l.lotNumber}`));
    expect(perProduct.size).toBe(full.lots.length);
    for (const { lotNumber } of full.lots) expect(lotNumber).toMatch(/^[0-9A-Z/-]{1,20}$/);
    const styles = { slash: /^\d{4}\/[A-Z]$/, dated: /^L\d{6}[A-Z]?$/, batchDash: /^[A-Z]\d{4}-\d{2}$/, leadingZero: /^0\d{6}$/, yearMonth: /^\d{2}[A-M]\d{3}$/ };
    for (const [style, pattern] of Object.entries(styles)) expect(full.lots.some((l) => pattern.test(l.lotNumber)), style).toBe(true);
  });

  it('keeps stock at or above zero except for exactly two picks beyond stock, and has every kind of movement', () => {
    const { belowZero } = simulate(full);
    expect(belowZero).toHaveLength(2);
    const stats = demoStats(full, TODAY);
    expect(stats.discrepancies).toBe(2);
    expect(stats.commands.recall).toBe(1);
    expect(stats.commands.receive).toBeGreaterThanOrEqual(1_200);
    for (const kind of ['pick', 'transfer', 'adjust', 'count', 'quarantine', 'release'] as const) expect(stats.commands[kind], kind).toBeGreaterThan(10);
    const reasons = new Set(full.steps.flatMap((s) => (s.kind === 'adjust' ? [s.reasonCode] : [])));
    expect(reasons.size).toBeGreaterThanOrEqual(5);
    for (const r of reasons) expect(ADJUST_REASONS).toContain(r);
    for (const s of full.steps) if (s.kind === 'adjust' && s.reasonCode === 'other') expect(s.note).toBeTruthy();
  });

  it('runs each lot in order: received first, counts with variances, quarantines before releases', () => {
    const firstSeen = new Map<number, string>();
    for (const s of full.steps) if (!firstSeen.has(s.lot)) firstSeen.set(s.lot, s.kind);
    expect([...firstSeen.values()].every((k) => k === 'receive')).toBe(true);
    expect(firstSeen.size).toBe(full.lots.length);
    // Replaying up to each count: some counts find a different quantity than the shelf should hold.
    const levels = new Map<string, number>();
    let variances = 0;
    for (const s of full.steps) {
      const key = (at: number) => `${s.lot}@${at}`;
      const add = (at: number, d: number) => levels.set(key(at), (levels.get(key(at)) ?? 0) + d);
      if (s.kind === 'receive') add(s.location, s.quantity);
      if (s.kind === 'pick') add(s.location, -s.quantity);
      if (s.kind === 'adjust') add(s.location, s.delta);
      if (s.kind === 'transfer') (add(s.from, -s.quantity), add(s.to, s.quantity));
      if (s.kind === 'count') {
        if (levels.get(key(s.location)) !== s.countedQuantity) variances++;
        levels.set(key(s.location), s.countedQuantity);
      }
    }
    expect(variances).toBeGreaterThan(5);
    const held = new Set<number>();
    for (const s of full.steps) {
      if (s.kind === 'quarantine') held.add(s.lot);
      if (s.kind === 'release') expect(held.has(s.lot)).toBe(true);
    }
  });

  it('receives cold-chain products into 2–8 °C rooms and CII into vaults', () => {
    const firstReceipt = new Map<number, number>();
    for (const s of full.steps) if (s.kind === 'receive' && !firstReceipt.has(s.lot)) firstReceipt.set(s.lot, s.location);
    for (const [lot, at] of firstReceipt) {
      const product = full.products[full.lots[lot]!.product]!;
      const role = full.locations[at]!.role;
      if (product.args.coldChain) expect(role).toBe('cold');
      else if (product.args.schedule === 'CII') expect(role).toBe('vault');
    }
  });

  it('draws new lots over the same catalogue for --again rounds', () => {
    const again = generateDemoData({ seed: 1, products: 240, lots: 1_200, today: TODAY, round: 1 });
    expect(again.products).toEqual(full.products);
    const before = new Set(full.lots.map((l) => `${l.product}|${l.lotNumber}`));
    const repeats = again.lots.filter((l) => before.has(`${l.product}|${l.lotNumber}`)).length;
    expect(repeats).toBeLessThan(again.lots.length * 0.02);
  });
});
