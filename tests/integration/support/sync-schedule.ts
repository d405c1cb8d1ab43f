import fc from 'fast-check';
import { lotIdFor } from '../../../shared/ids';
import type { RunningServer } from '../../../server/src/start';
import { FaultyNetwork, type NetworkMode } from './faulty-network';
import { TestDesktop } from './desktop';

/**
 * Property-based sync schedules (SYNC.md "faults to inject"): several terminals do random stock
 * work while their networks drop requests, lose responses after the server committed and
 * duplicate requests; terminals crash and restart between a local commit and its push; the
 * server restarts; device clocks are skewed ±72 h. Then the network heals, everyone syncs, and
 * the invariants are checked against a fresh terminal that pulls everything from cursor 0.
 */
const HOUR = 3_600_000;
const LOTS = [
  { lotNumber: '0001/A', expiry: '2027-01-31' },
  { lotNumber: '00042', expiry: '2027-06-30' },
  { lotNumber: 'B-77', expiry: '2028-02-29' },
] as const;

export type Op =
  | { t: 'receive'; c: number; lot: number; qty: number; conflictingExpiry: boolean }
  | { t: 'pick'; c: number; lot: number; qty: number }
  | { t: 'transfer'; c: number; lot: number; qty: number }
  | { t: 'count'; c: number; lot: number; counted: number }
  | { t: 'sync'; c: number }
  | { t: 'net'; c: number; mode: NetworkMode }
  | { t: 'restart'; c: number }
  | { t: 'server-restart' };

export function opArbitrary(clients: number): fc.Arbitrary<Op> {
  const c = fc.integer({ min: 0, max: clients - 1 });
  const lot = fc.integer({ min: 0, max: LOTS.length - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ t: fc.constant('receive' as const), c, lot, qty: fc.integer({ min: 1, max: 50 }), conflictingExpiry: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('pick' as const), c, lot, qty: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('transfer' as const), c, lot, qty: fc.integer({ min: 1, max: 20 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('count' as const), c, lot, counted: fc.integer({ min: 0, max: 60 }) }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), c }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('net' as const), c, mode: fc.constantFrom<NetworkMode>('ok', 'down', 'chaos', 'chaos') }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('restart' as const), c }) },
    { weight: 1, arbitrary: fc.constant({ t: 'server-restart' as const }) },
  );
}

export interface ScheduleEnv {
  server: () => RunningServer;
  restartServer: () => Promise<void>;
  allowServerRestart: boolean;
}

export interface ScheduleReport {
  ops: number;
  issued: number;
  rejected: number;
  faults: { refused: number; responseLost: number; duplicated: number };
}

/** Runs one schedule and throws (with a description) if any SYNC.md invariant is violated. */
export async function runSchedule(env: ScheduleEnv, ops: Op[], seed: number, clients = 3): Promise<ScheduleReport> {
  let s = seed >>> 0 || 1;
  const random = () => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const url = env.server().url;
  const nets = Array.from({ length: clients }, () => new FaultyNetwork(random));
  const skews = [-72 * HOUR, 0, 72 * HOUR];
  const terminals = nets.map((net, i) => new TestDesktop(url, { fetch: net.fetch, now: () => new Date(Date.now() + (skews[i % skews.length] ?? 0)) }));
  const fresh: TestDesktop[] = [];
  try {
    const email = `sched-${seed}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@sync.example`;
    const password = 'schedule password 123';
    const first = terminals[0] as TestDesktop;
    await first.api.session.register.mutate({ companyName: `Schedule ${seed}`, name: 'Sched Uler', email, password });
    await first.api.stock.upsertProduct.mutate({ ndc11: '00093005801', name: 'Amoxicillin 500 mg capsules', unit: 'bottle' });
    await first.api.stock.upsertLocation.mutate({ warehouse: 'Main', bin: 'A-1' });
    await first.api.stock.upsertLocation.mutate({ warehouse: 'Main', bin: 'B-2' });
    await first.api.sync.now.mutate();
    for (const t of terminals.slice(1)) {
      await t.api.session.signIn.mutate({ email, password });
      await t.api.sync.now.mutate();
    }
    const productId = (await first.api.stock.products.query({}))[0]?.id ?? '';
    const [locA, locB] = (await first.api.stock.locations.query()).map((l) => l.id) as [string, string];

    const issued = new Map<string, number>(); // movement id → terminal
    const lotIdOf = async (t: TestDesktop, lot: number) => (await t.api.stock.list.query({ search: LOTS[lot]?.lotNumber })).rows[0]?.lotId ?? null;
    for (const op of ops) {
      if (op.t === 'server-restart') {
        if (env.allowServerRestart) await env.restartServer();
        continue;
      }
      const t = terminals[op.c] as TestDesktop;
      const record = (ids: Record<string, string>) => Object.values(ids).forEach((id) => issued.set(id, op.c));
      try {
        switch (op.t) {
          case 'receive': {
            const lot = LOTS[op.lot] ?? LOTS[0];
            const expiry = op.conflictingExpiry ? '2029-12-31' : lot.expiry;
            record(await t.api.stock.receive.mutate({ productId, lotNumber: lot.lotNumber, expiry, locationId: locA, quantity: op.qty }));
            break;
          }
          case 'pick': {
            const lotId = await lotIdOf(t, op.lot);
            if (lotId) record(await t.api.stock.pick.mutate({ lotId, locationId: locA, quantity: op.qty }));
            break;
          }
          case 'transfer': {
            const lotId = await lotIdOf(t, op.lot);
            if (lotId) record(await t.api.stock.transfer.mutate({ lotId, fromLocationId: locA, toLocationId: locB, quantity: op.qty }));
            break;
          }
          case 'count': {
            const lotId = await lotIdOf(t, op.lot);
            if (lotId) record(await t.api.stock.count.mutate({ lotId, locationId: locA, countedQuantity: op.counted }));
            break;
          }
          case 'sync':
            await t.api.sync.now.mutate().catch(() => undefined);
            break;
          case 'net':
            (nets[op.c] as FaultyNetwork).mode = op.mode;
            break;
          case 'restart':
            t.restart();
            break;
        }
      } catch (err) {
        // A local refusal (e.g. the receipt's expiry contradicts the lot this terminal knows) is a
        // correct outcome, not a failure; anything else is.
        if (!String((err as { shape?: { data?: { app?: { code?: string } } } }).shape?.data?.app?.code ?? '').startsWith('inventory/')) throw err;
      }
    }

    // Heal: network back, server up, every terminal syncs until quiet (twice round, so each sees
    // the others' last pushes).
    for (const net of nets) net.mode = 'ok';
    for (let round = 0; round < 2; round++) for (const t of terminals) await t.api.sync.now.mutate();

    const check = new TestDesktop(env.server().url);
    fresh.push(check);
    await check.api.session.signIn.mutate({ email, password });
    await check.api.sync.now.mutate();
    const truth = normalise((await check.api.stock.list.query({})).rows);
    // Every lot of the schedule (ids are deterministic), including lots whose stock nets to zero
    // and so is not listed: its movements as the server has them, once each.
    const companyId = (await check.api.session.current.query())?.company.id ?? '';
    const serverMovements = new Map<string, number>();
    const details = [];
    for (const lot of LOTS) {
      const detail = await check.api.stock.lot.query({ id: lotIdFor(companyId, productId, lot.lotNumber) }).catch(() => null);
      if (!detail) continue;
      details.push(detail);
      for (const m of detail.movements) serverMovements.set(m.id, (serverMovements.get(m.id) ?? 0) + 1);
    }
    const rejectedIds = new Set<string>();
    let rejected = 0;
    for (const [i, t] of terminals.entries()) {
      const status = await t.api.sync.status.query();
      if (status.pending !== 0) throw new Error(`invariant 5 (nothing lost): terminal ${i} still has ${status.pending} unsent changes after healing`);
      const lines = normalise((await t.api.stock.list.query({})).rows);
      if (JSON.stringify(lines) !== JSON.stringify(truth)) {
        throw new Error(`invariant 1 (convergence): terminal ${i} shows ${JSON.stringify(lines)} but the server has ${JSON.stringify(truth)}`);
      }
      for (const r of await t.api.sync.rejections.query()) {
        rejected++;
        const a = r.args as { movementId?: string; movementInId?: string };
        for (const id of [a.movementId, a.movementInId]) if (id) rejectedIds.add(id);
      }
    }
    for (const [id, terminal] of issued) {
      const seen = serverMovements.get(id) ?? 0;
      if (rejectedIds.has(id)) {
        if (seen !== 0) throw new Error(`invariant 2: movement ${id} of terminal ${terminal} was reported rejected but is on the server`);
      } else if (seen !== 1) {
        throw new Error(`invariant 2 (exactly once): movement ${id} of terminal ${terminal} is on the server ${seen} times`);
      }
    }
    for (const detail of details) {
      for (const level of detail.levels) {
        const sum = detail.movements.filter((m) => m.location === level.location).reduce((n, m) => n + m.quantity, 0);
        const listed = truth.find((l) => l.lotId === detail.lot.id && l.location === level.location)?.quantity ?? 0;
        if (sum !== level.quantity || listed !== sum) {
          throw new Error(`invariant 3: lot ${detail.lot.lotNumber} at ${level.location}: movements sum to ${sum}, level ${level.quantity}, stock list ${listed}`);
        }
      }
    }
    return {
      ops: ops.length,
      issued: issued.size,
      rejected,
      faults: nets.reduce((f, n) => ({ refused: f.refused + n.injected.refused, responseLost: f.responseLost + n.injected.responseLost, duplicated: f.duplicated + n.injected.duplicated }), { refused: 0, responseLost: 0, duplicated: 0 }),
    };
  } finally {
    for (const t of [...terminals, ...fresh]) t.dispose();
  }
}

type Line = { lotId: string; lotNumber: string; location: string; locationId: string; quantity: number; status: string; expiry: string };

function normalise(rows: Line[]): Line[] {
  return rows
    .map(({ lotId, lotNumber, location, locationId, quantity, status, expiry }) => ({ lotId, lotNumber, location, locationId, quantity, status, expiry }))
    .sort((a, b) => (a.lotId + a.locationId).localeCompare(b.lotId + b.locationId));
}
