const KIND_LABELS: Record<string, string> = {
  receive: 'Received',
  pick: 'Picked',
  adjust: 'Adjusted',
  'transfer-out': 'Transferred out',
  'transfer-in': 'Transferred in',
  quarantine: 'Quarantined',
  release: 'Released',
  count: 'Counted',
  recall: 'Recalled',
};

export function movementKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });

/** `+50`, `−30` (a real minus sign), or an em dash for a status change that moves no stock. */
export function formatSignedQuantity(quantity: number): string {
  return quantity === 0 ? '—' : signed.format(quantity).replace('-', '−');
}
