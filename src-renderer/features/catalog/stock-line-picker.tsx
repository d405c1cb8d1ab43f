import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { StockRow } from '../../../shared/inventory/stock-row';
import { toAppError } from '../../app/app-error';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { looksLikeScan } from '../movements/looks-like-scan';
import { formatDate } from '../stock/format-date';
import { useDebouncedValue } from '../stock/use-debounced-value';

const MAX_OPTIONS = 300;
const quantityFormat = new Intl.NumberFormat('en-US');

export interface StockLinePickerProps {
  /** The chosen line (lot × location). */
  value: StockRow | null;
  onChange: (row: StockRow | null) => void;
  /** Preselection from the address (Lot detail's actions). */
  initialLotId?: string | undefined;
  initialLocationId?: string | undefined;
  error?: string | undefined;
  /** Called when a scan or Enter settled on one line: move focus on to the next field. */
  onPicked?: () => void;
  autoFocus?: boolean;
  /** Lets a form focus the select when no line is chosen (its error shows there). */
  selectRef?: (el: HTMLSelectElement | null) => void;
}

export function stockLineLabel(r: StockRow): string {
  return `${r.productName} · lot ${r.lotNumber} · exp ${formatDate(r.expiry)} · ${r.location} · ${quantityFormat.format(r.quantity)} ${r.unit}`;
}

/** The picker's value for a line (lot × location); '' for none. */
export const lineKey = (row: Pick<StockRow, 'lotId' | 'locationId'> | null) => (row ? `${row.lotId}|${row.locationId}` : '');

/**
 * Choose a lot at a location: scan its barcode or type a product, NDC or lot number into
 * "Find lot", then pick the line. A scan that names one lot narrows the list to it.
 */
export function StockLinePicker({ value, onChange, initialLotId, initialLocationId, error, onPicked, autoFocus, selectRef: registerSelect }: StockLinePickerProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [filter, setFilter] = useState('');
  const [lotFilter, setLotFilter] = useState<string | null>(initialLotId ?? null);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const autoPick = useRef<'initial' | 'scan' | null>(initialLotId ? 'initial' : null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const search = useDebouncedValue(filter.trim(), 150);

  // A scan, or Lot detail's action, narrows the list to one lot; the lot query names it.
  const lot = useQuery({ ...trpc.stock.lot.queryOptions({ id: lotFilter ?? '' }), enabled: lotFilter !== null });
  const listInput = lotFilter !== null ? { lotId: lotFilter } : search !== '' && !looksLikeScan(search) ? { search } : {};
  const list = useQuery({ ...trpc.stock.list.queryOptions(listInput), placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? [];
  const shown = rows.slice(0, MAX_OPTIONS);
  const options = value && !shown.some((r) => lineKey(r) === lineKey(value)) ? [value, ...shown] : shown;
  const ready = list.isSuccess && !list.isPlaceholderData;

  useEffect(() => {
    if (!autoPick.current || !ready) return;
    const mode = autoPick.current;
    autoPick.current = null;
    const match = mode === 'initial' && initialLocationId ? rows.find((r) => r.locationId === initialLocationId) : rows.length === 1 ? rows[0] : undefined;
    if (match) {
      onChange(match);
      if (mode === 'scan') onPicked?.();
    } else if (mode === 'scan') {
      selectRef.current?.focus();
    }
  }, [ready, rows, initialLocationId, onChange, onPicked]);

  async function onFindKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = filter.trim();
    if (text === '') return;
    if (!looksLikeScan(text)) {
      // Enter may come before the debounced search has run (a scanner types fast): ask now.
      try {
        const found = await client.stock.list.query({ search: text });
        const [only] = found.rows;
        if (found.rows.length === 1 && only) {
          onChange(only);
          onPicked?.();
          return;
        }
        setScanNote(found.rows.length === 0 ? `No stock matches “${text}”.` : null);
      } catch (err) {
        setScanNote(toAppError(err).message);
      }
      selectRef.current?.focus();
      return;
    }
    setScanning(true);
    setScanNote(null);
    try {
      const scan = await client.stock.scan.query({ code: text });
      if (!scan.product) setScanNote('The scanned product is not in your catalogue, so it has no stock here.');
      else if (!scan.lotId) setScanNote(scan.lot ? `Lot ${scan.lot} of ${scan.product.name} has never been received here.` : `The scan has no lot number: choose the lot of ${scan.product.name} below.`);
      if (scan.lotId) {
        setFilter('');
        setLotFilter(scan.lotId);
        onChange(null);
        autoPick.current = 'scan';
      } else if (scan.product) {
        setFilter(scan.product.name);
      }
    } catch (err) {
      setScanNote(toAppError(err).message);
    } finally {
      setScanning(false);
    }
  }

  const lotNumber = lot.data?.lot.lotNumber;
  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-[minmax(0,16rem)_minmax(0,1fr)] items-start gap-2">
        <Field
          label="Find lot"
          type="search"
          value={filter}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          placeholder="Scan, or type product, NDC or lot"
          description={scanning ? 'Reading the scan…' : undefined}
          error={scanNote ?? undefined}
          onChange={(e) => {
            setFilter(e.target.value);
            setScanNote(null);
            if (lotFilter !== null && e.target.value !== '') setLotFilter(null);
          }}
          onKeyDown={(e) => void onFindKeyDown(e)}
        />
        <SelectField
          ref={(el) => {
            selectRef.current = el;
            registerSelect?.(el);
          }}
          label="Lot and location"
          value={lineKey(value)}
          error={error}
          onChange={(e) => onChange(options.find((r) => lineKey(r) === e.target.value) ?? null)}
          description={
            rows.length > MAX_OPTIONS ? `Showing the first ${MAX_OPTIONS} of ${rows.length.toLocaleString('en-US')}${list.data?.truncated ? '+' : ''} lines: type more to narrow the list.` : undefined
          }
        >
          <option value="">{list.isPending ? 'Loading…' : options.length === 0 ? 'No stock matches' : 'Choose a lot and location'}</option>
          {options.map((r) => (
            <option key={lineKey(r)} value={lineKey(r)}>
              {stockLineLabel(r)}
            </option>
          ))}
        </SelectField>
      </div>
      {lotFilter !== null ? (
        <p className="flex items-center gap-2 text-[12px] text-muted">
          Showing lot <span className="font-mono text-fg">{lotNumber ?? '…'}</span> only.
          <Button
            variant="ghost"
            size="sm"
            icon={<X aria-hidden="true" className="size-3.5" />}
            onClick={() => {
              setLotFilter(null);
              autoPick.current = null;
            }}
          >
            Show all lots
          </Button>
        </p>
      ) : null}
    </div>
  );
}
