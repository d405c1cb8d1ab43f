import type { LotStatus } from '../../../shared/inventory/stock-row';
import { Badge, type BadgeTone } from '../../components/badge';

const LABELS: Record<LotStatus, { label: string; tone: BadgeTone }> = {
  available: { label: 'Available', tone: 'ok' },
  quarantine: { label: 'Quarantine', tone: 'warn' },
  recalled: { label: 'Recalled', tone: 'danger' },
  expired: { label: 'Expired', tone: 'danger' },
  damaged: { label: 'Damaged', tone: 'neutral' },
};

export function LotStatusBadge({ status }: { status: LotStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
