import { formatNdc11 } from '../stock/format-ndc';

const ACTIONS: Record<string, string> = {
  'product.upsert': 'Product saved',
  'location.upsert': 'Location saved',
  'stock.receive': 'Receive',
  'stock.pick': 'Pick',
  'stock.adjust': 'Adjustment',
  'stock.transfer': 'Transfer',
  'stock.count': 'Cycle count',
  'lot.quarantine': 'Quarantine',
  'lot.release': 'Release',
  'lot.recall': 'Recall',
};

/** A rejected change in words: what it was, and the details a person recognises it by. */
export function describeMutation(name: string, args: unknown): { action: string; detail: string } {
  const a = typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
  const text = (key: string) => (typeof a[key] === 'string' && a[key] !== '' ? (a[key] as string) : null);
  const num = (key: string) => (typeof a[key] === 'number' ? (a[key] as number) : null);
  const parts: string[] = [];
  const name_ = text('name');
  if (name_) parts.push(name_);
  const ndc = text('ndc11');
  if (ndc) parts.push(`NDC ${formatNdc11(ndc)}`);
  const warehouse = text('warehouse');
  if (warehouse) parts.push([warehouse, text('zone'), text('bin')].filter(Boolean).join(' / '));
  const lot = text('lotNumber');
  if (lot) parts.push(`lot ${lot}`);
  const quantity = num('quantity') ?? num('countedQuantity');
  if (quantity !== null) parts.push(`quantity ${quantity}`);
  const delta = num('delta');
  if (delta !== null) parts.push(`change ${delta > 0 ? '+' : ''}${delta}`);
  const reason = text('reasonCode') ?? text('reason');
  if (reason) parts.push(`reason: ${reason}`);
  const reference = text('reference');
  if (reference) parts.push(`ref ${reference}`);
  return { action: ACTIONS[name] ?? name, detail: parts.join(' · ') };
}
