import type { ReactNode } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { Card } from '../../components/card';
import { Detail } from '../../components/detail';
import { Screen } from '../../components/screen';
import { StockLinePicker, type StockLinePickerProps } from '../catalog/stock-line-picker';
import { ExpiryCell } from '../stock/expiry-cell';
import { localIsoDate } from '../stock/format-date';
import { LotStatusBadge } from '../stock/lot-status-badge';
import { DiscrepancyBadge } from '../stock/stock-markers';
import { Confirmation, FailureAlert } from './form-bits';

const quantityFormat = new Intl.NumberFormat('en-US');

export interface LineCommandFrameProps {
  title: string;
  subtitle: string;
  /** The lot × location picker (value, preselection, where focus goes next): see `useLineCommand`. */
  picker: StockLinePickerProps;
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
export function LineCommandFrame({ title, subtitle, picker, failure, failureTitle, done, children }: LineCommandFrameProps) {
  return (
    <Screen title={title} subtitle={subtitle}>
      <Card className="flex max-w-4xl flex-col gap-3 p-4">
        <FailureAlert title={failureTitle} message={failure} />
        <StockLinePicker {...picker} autoFocus={!picker.initialLotId} />
        {picker.value ? <LineSummary line={picker.value} /> : null}
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
      <Detail term="Product" className="truncate font-medium" title={line.productName}>
        {line.productName}
      </Detail>
      <Detail term="Lot" className="font-mono">
        {line.lotNumber}
      </Detail>
      <Detail term="Expiry" className="whitespace-nowrap">
        <ExpiryCell expiry={line.expiry} today={localIsoDate()} />
      </Detail>
      <Detail term="Status">
        <LotStatusBadge status={line.status} />
      </Detail>
      <Detail term="Location" className="truncate" title={line.location}>
        {line.location}
      </Detail>
      <Detail term="On hand" className="flex items-center gap-1.5 whitespace-nowrap">
        <span className="font-medium tabular-nums">{quantityFormat.format(line.quantity)}</span> {line.unit}
        {line.discrepancy ? <DiscrepancyBadge /> : null}
      </Detail>
    </dl>
  );
}
