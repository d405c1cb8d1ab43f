import type { ReactNode } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Screen } from '../../components/screen';
import { StockLinePicker } from '../catalog/stock-line-picker';
import { ExpiryCell } from '../stock/expiry-cell';
import { localIsoDate } from '../stock/format-date';
import { LotStatusBadge } from '../stock/lot-status-badge';
import { DiscrepancyBadge } from '../stock/stock-markers';
import { Confirmation } from './form-bits';

const quantityFormat = new Intl.NumberFormat('en-US');

export interface LineCommandFrameProps {
  title: string;
  subtitle: string;
  line: StockRow | null;
  onLine: (row: StockRow | null) => void;
  lineError?: string | undefined;
  initialLotId?: string | undefined;
  initialLocationId?: string | undefined;
  onPicked?: () => void;
  failure: string | null;
  failureTitle: string;
  done: string | null;
  /** The command's own fields and its submit row. */
  children: ReactNode;
}

/**
 * The frame shared by transfer, adjust, count and quarantine: find the lot at its location
 * (scan or search), see what is there now, then the command's own fields.
 */
export function LineCommandFrame({ title, subtitle, line, onLine, lineError, initialLotId, initialLocationId, onPicked, failure, failureTitle, done, children }: LineCommandFrameProps) {
  return (
    <Screen title={title} subtitle={subtitle}>
      <Card className="flex max-w-4xl flex-col gap-3 p-4">
        {failure ? <Alert title={failureTitle}>{failure}</Alert> : null}
        <StockLinePicker value={line} onChange={onLine} error={lineError} initialLotId={initialLotId} initialLocationId={initialLocationId} onPicked={onPicked} autoFocus={!initialLotId} />
        {line ? <LineSummary line={line} /> : null}
        {children}
      </Card>
      <div className="max-w-4xl">
        <Confirmation>{done}</Confirmation>
      </div>
    </Screen>
  );
}

/** What is at the chosen lot × location right now. */
export function LineSummary({ line }: { line: StockRow }) {
  return (
    <dl className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,1.5fr)_minmax(0,1fr)] gap-x-4 rounded-md border border-line bg-surface-2 px-3 py-2 text-[12.5px]">
      <div>
        <dt className="text-muted">Product</dt>
        <dd className="truncate font-medium" title={line.productName}>
          {line.productName}
        </dd>
      </div>
      <div>
        <dt className="text-muted">Lot</dt>
        <dd className="font-mono">{line.lotNumber}</dd>
      </div>
      <div>
        <dt className="text-muted">Expiry</dt>
        <dd className="whitespace-nowrap">
          <ExpiryCell expiry={line.expiry} today={localIsoDate()} />
        </dd>
      </div>
      <div>
        <dt className="text-muted">Status</dt>
        <dd>
          <LotStatusBadge status={line.status} />
        </dd>
      </div>
      <div>
        <dt className="text-muted">Location</dt>
        <dd className="truncate" title={line.location}>
          {line.location}
        </dd>
      </div>
      <div>
        <dt className="text-muted">On hand</dt>
        <dd className="flex items-center gap-1.5 whitespace-nowrap">
          <span className="font-medium tabular-nums">{quantityFormat.format(line.quantity)}</span> {line.unit}
          {line.discrepancy ? <DiscrepancyBadge /> : null}
        </dd>
      </div>
    </dl>
  );
}
