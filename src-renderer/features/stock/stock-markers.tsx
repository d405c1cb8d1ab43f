import { CloudUpload, TriangleAlert } from 'lucide-react';
import { Badge } from '../../components/badge';

/** A movement took this level below zero: recorded anyway, flagged for a supervisor. */
export function DiscrepancyBadge() {
  return (
    <Badge tone="warn" className="gap-1">
      <TriangleAlert aria-hidden="true" className="size-3" />
      <span title="A movement took this stock below zero. It was recorded; a supervisor should check the count.">Discrepancy</span>
    </Badge>
  );
}

/** Local work the server has not confirmed yet. */
export function NotSyncedBadge() {
  return (
    <Badge tone="neutral" className="gap-1">
      <CloudUpload aria-hidden="true" className="size-3" />
      <span title="Saved on this computer; not yet confirmed by the server.">Not synced</span>
    </Badge>
  );
}

/** The badges of a stock line or movement, side by side; nothing when neither applies. */
export function StockFlags({ discrepancy, pendingSync }: { discrepancy: boolean; pendingSync: boolean }) {
  return (
    <span className="inline-flex gap-1">
      {discrepancy ? <DiscrepancyBadge /> : null}
      {pendingSync ? <NotSyncedBadge /> : null}
    </span>
  );
}
