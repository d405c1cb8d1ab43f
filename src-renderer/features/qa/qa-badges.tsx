import { CloudUpload } from 'lucide-react';
import type { VersionStatus } from '../../../shared/qa/ledger-entry';
import { Badge } from '../../components/badge';
import { STATUS_VIEW } from './qa-format';

export function QaStatusBadge({ status }: { status: VersionStatus }) {
  const { label, tone } = STATUS_VIEW[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** Made on this computer, not yet accepted into the server's ledger. */
export function PendingSyncBadge() {
  return (
    <Badge tone="warn" className="gap-1">
      <CloudUpload aria-hidden="true" className="size-3" />
      <span title="Saved and signed on this computer; not yet accepted into the company ledger.">Pending sync</span>
    </Badge>
  );
}
