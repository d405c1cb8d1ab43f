import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { toAppError } from '../../app/app-error';
import { screenHref, type ScreenId } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { useGoBack } from '../../app/use-route';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Detail } from '../../components/detail';
import { Kbd } from '../../components/kbd';
import { Spinner } from '../../components/spinner';
import { Cell, EmptyRow, HeaderCell, Row, Table } from '../../components/table';
import { useEscapeKey } from '../../components/use-escape-key';
import { LotStatusBadge } from '../stock/lot-status-badge';
import { ExpiryCell } from '../stock/expiry-cell';
import { formatDate, localIsoDate } from '../stock/format-date';
import { formatNdc11 } from '../stock/format-ndc';
import { NotSyncedBadge } from '../stock/stock-markers';
import { MovementTable } from './movement-table';

const quantityFormat = new Intl.NumberFormat('en-US');
const TERM = 'text-[11.5px] text-muted';

const ACTIONS: ReadonlyArray<{ screen: ScreenId; label: string }> = [
  { screen: 'pick', label: 'Pick' },
  { screen: 'transfer', label: 'Transfer' },
  { screen: 'adjust', label: 'Adjust' },
  { screen: 'count', label: 'Count' },
  { screen: 'quarantine', label: 'Quarantine / release / recall' },
];

/** One lot: what it is, where it is, and every movement that ever touched it. */
export function LotDetailScreen({ lotId }: { lotId: string }) {
  const trpc = useTRPC();
  const goBack = useGoBack();
  useEscapeKey(goBack, true);
  const detail = useQuery(trpc.stock.lot.queryOptions({ id: lotId }));
  const today = localIsoDate();

  if (detail.isPending) {
    return (
      <div role="status" className="flex flex-1 items-center justify-center gap-2 text-muted">
        <Spinner /> Loading the lot…
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="p-4">
        <Alert title="This lot could not be shown">{toAppError(detail.error).message}</Alert>
      </div>
    );
  }
  const { lot, product, levels, movements } = detail.data;
  const unit = product?.unit ?? '';
  const total = levels.reduce((sum, l) => sum + l.quantity, 0);

  return (
    <section aria-labelledby="lot-heading" className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-4">
      <div className="flex items-center gap-2 text-[12px] text-muted">
        <Button variant="ghost" size="sm" className="-ml-2" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={goBack}>
          Back
        </Button>
        <span aria-hidden="true">
          <Kbd>Esc</Kbd>
        </span>
      </div>
      <Card className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-[12px] font-medium tracking-wide text-muted uppercase">Lot</p>
            <h1 id="lot-heading" className="text-[18px] font-semibold tracking-tight">
              {product?.name ?? 'Unknown product'} <span className="font-mono text-[16px] font-medium">· {lot.lotNumber}</span>
            </h1>
            <p className="mt-0.5 text-[12.5px] text-muted">{[product?.genericName, product?.strength, product?.dosageForm, product?.manufacturer].filter(Boolean).join(' · ')}</p>
          </div>
          <div className="flex items-center gap-1.5">
            <LotStatusBadge status={lotStatus(lot.status)} />
            {lot.pendingSync ? <NotSyncedBadge /> : null}
          </div>
        </div>
        <dl className="mt-3 grid grid-cols-[repeat(auto-fit,minmax(150px,1fr))] gap-x-6 gap-y-2 text-[13px]">
          <Detail termClassName={TERM} term="NDC">
            <span className="font-mono">{formatNdc11(product?.ndc11 ?? null) ?? '—'}</span>
          </Detail>
          <Detail termClassName={TERM} term="GTIN">
            <span className="font-mono">{product?.gtin ?? '—'}</span>
          </Detail>
          <Detail termClassName={TERM} term="Lot number">
            <span className="font-mono">{lot.lotNumber}</span>
          </Detail>
          <Detail termClassName={TERM} term="Expiry">
            <ExpiryCell expiry={lot.expiry} today={today} />
          </Detail>
          <Detail termClassName={TERM} term="Manufactured">{lot.manufacturedOn ? formatDate(lot.manufacturedOn) : '—'}</Detail>
          <Detail termClassName={TERM} term="On hand">
            <span className="font-medium tabular-nums">{quantityFormat.format(total)}</span> <span className="text-muted">{unit}</span>
          </Detail>
        </dl>
      </Card>

      <Card className="overflow-hidden">
        <h2 className="border-b border-line px-3 py-2 text-[13px] font-semibold">Where it is</h2>
        <Table>
          <thead>
            <tr>
              <HeaderCell>Location</HeaderCell>
              <HeaderCell align="right">Quantity</HeaderCell>
              <HeaderCell>Actions</HeaderCell>
            </tr>
          </thead>
          <tbody>
            {levels.length === 0 ? <EmptyRow colSpan={3}>No stock at any location.</EmptyRow> : null}
            {levels.map((level) => (
              <Row key={level.locationId}>
                <Cell>{level.location}</Cell>
                <Cell align="right">
                  <span className={level.quantity < 0 ? 'font-medium text-danger' : 'font-medium'}>{quantityFormat.format(level.quantity)}</span> <span className="text-muted">{unit}</span>
                </Cell>
                <Cell>
                  <span className="flex flex-wrap gap-x-3 gap-y-1">
                    {ACTIONS.map((a) => (
                      <a key={a.screen} className="text-[12.5px] text-accent underline-offset-2 hover:underline" href={screenHref(a.screen, { lot: lot.id, location: level.locationId })}>
                        {a.label}
                        <span className="sr-only"> at {level.location}</span>
                      </a>
                    ))}
                  </span>
                </Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>

      <Card className="overflow-hidden">
        <h2 className="border-b border-line px-3 py-2 text-[13px] font-semibold">
          Movement history <span className="font-normal text-muted">· {movements.length === 1 ? '1 movement' : `${movements.length} movements`}, newest first</span>
        </h2>
        <MovementTable movements={movements} unit={unit} />
      </Card>
    </section>
  );
}

function lotStatus(status: string) {
  return status === 'quarantine' || status === 'recalled' || status === 'expired' || status === 'damaged' ? status : 'available';
}
