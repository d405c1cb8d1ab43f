import { useQuery } from '@tanstack/react-query';
import { forwardRef, type ReactNode } from 'react';
import type { RouterOutputs } from '../../app/router-types';
import { screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { SelectField } from '../../components/select-field';

/** Where the chosen product can be picked, earliest expiry first, and the unit it is counted in. */
export interface PickableHere {
  holdings: RouterOutputs['stock']['pickable'];
  unit: string;
}

export interface LocationSelectProps {
  label?: string;
  value: string;
  onChange: (locationId: string) => void;
  error?: string | undefined;
  /** A location to leave out (a transfer's source). */
  exclude?: string;
  /** Where the chosen product can be picked: those locations come first, with how much they hold. */
  pickable?: PickableHere;
  /** A line under the list (when there is no location yet, that is said instead). */
  hint?: ReactNode;
  autoFocus?: boolean;
}

const quantityFormat = new Intl.NumberFormat('en-US');

/** Choose a location (warehouse / zone / bin) from this company's list. */
export const LocationSelect = forwardRef<HTMLSelectElement, LocationSelectProps>(function LocationSelect({ label = 'Location', value, onChange, error, exclude, pickable, hint, autoFocus }, ref) {
  const trpc = useTRPC();
  const locations = useQuery(trpc.stock.locations.queryOptions());
  const rows = (locations.data ?? []).filter((l) => l.id !== exclude);
  const empty = locations.isSuccess && rows.length === 0;
  const option = (l: (typeof rows)[number], text = l.label) => (
    <option key={l.id} value={l.id}>
      {text}
    </option>
  );
  // Earliest-expiring stock first: the bin FEFO would send the picker to across the warehouse.
  const byId = new Map(rows.map((l) => [l.id, l]));
  const holders = (pickable?.holdings ?? []).flatMap((h) => {
    const l = byId.get(h.locationId);
    return l ? [{ l, quantity: h.quantity }] : [];
  });
  const held = new Set(holders.map((h) => h.l.id));
  return (
    <SelectField
      ref={ref}
      label={label}
      value={value}
      error={error}
      autoFocus={autoFocus}
      onChange={(e) => onChange(e.target.value)}
      description={
        empty ? (
          <>
            No locations yet. <a className="text-accent underline" href={screenHref('locations')}>Add one on the Locations screen</a>.
          </>
        ) : (
          hint
        )
      }
    >
      <option value="">{locations.isPending ? 'Loading…' : 'Choose a location'}</option>
      {holders.length > 0 ? (
        <>
          <optgroup label="Can be picked here">{holders.map((h) => option(h.l, `${h.l.label} · ${quantityFormat.format(h.quantity)} ${pickable?.unit ?? ''}`.trimEnd()))}</optgroup>
          <optgroup label="Other locations">{rows.filter((l) => !held.has(l.id)).map((l) => option(l))}</optgroup>
        </>
      ) : (
        rows.map((l) => option(l))
      )}
    </SelectField>
  );
});
