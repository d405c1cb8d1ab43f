import type { RouterOutputs } from '../../app/router-types';
import { Alert } from '../../components/alert';
import { Cell, HeaderCell, Row, Table } from '../../components/table';
import { ExpiryCell } from '../stock/expiry-cell';

type Fefo = RouterOutputs['stock']['fefo'];
const quantityFormat = new Intl.NumberFormat('en-US');

/** Which lots to take, earliest expiry first, and how much from each; warns about a shortfall. */
export function FefoSuggestion({ fefo, wanted, unit, today }: { fefo: Fefo; wanted: number; unit: string; today: string }) {
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-[13px] font-semibold">Suggested lots (earliest expiry first)</h2>
      {fefo.allocated > 0 ? (
        <p className="text-[12.5px] text-muted">
          {`Take ${quantityFormat.format(fefo.allocated)} ${unit} from ${fefo.lots.length === 1 ? '1 lot' : `${fefo.lots.length} lots`}, in this order.`}
        </p>
      ) : null}
      {fefo.lots.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-line">
          <Table>
            <caption className="sr-only">Lots to pick from, in order</caption>
            <thead>
              <tr>
                <HeaderCell>Order</HeaderCell>
                <HeaderCell>Lot</HeaderCell>
                <HeaderCell>Expiry</HeaderCell>
                <HeaderCell align="right">Take</HeaderCell>
              </tr>
            </thead>
            <tbody>
              {fefo.lots.map((lot, i) => (
                <Row key={lot.lotId}>
                  <Cell className="text-muted tabular-nums">{i + 1}</Cell>
                  <Cell className="font-mono text-[12px]">{lot.lotNumber}</Cell>
                  <Cell>
                    <ExpiryCell expiry={lot.expiry} today={today} />
                  </Cell>
                  <Cell align="right">
                    <span className="font-medium">{quantityFormat.format(lot.quantity)}</span> <span className="text-muted">{unit}</span>
                  </Cell>
                </Row>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      {fefo.shortfall > 0 ? (
        <Alert title={fefo.allocated === 0 ? 'No usable stock here' : `Short by ${quantityFormat.format(fefo.shortfall)} ${unit}`}>
          {fefo.allocated === 0
            ? 'There is no available, unexpired stock of this product at this location. Quarantined, recalled and expired lots are never suggested.'
            : `Only ${quantityFormat.format(fefo.allocated)} of the ${quantityFormat.format(wanted)} ${unit} can be picked from available, unexpired lots here. Pick records those ${quantityFormat.format(fefo.allocated)}; find the rest elsewhere.`}
        </Alert>
      ) : null}
    </div>
  );
}
