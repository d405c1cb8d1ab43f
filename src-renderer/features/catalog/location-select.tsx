import { useQuery } from '@tanstack/react-query';
import { forwardRef } from 'react';
import { screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { SelectField } from '../../components/select-field';

export interface LocationSelectProps {
  label?: string;
  value: string;
  onChange: (locationId: string) => void;
  error?: string | undefined;
  /** A location to leave out (a transfer's source). */
  exclude?: string;
  autoFocus?: boolean;
}

/** Choose a location (warehouse / zone / bin) from this company's list. */
export const LocationSelect = forwardRef<HTMLSelectElement, LocationSelectProps>(function LocationSelect({ label = 'Location', value, onChange, error, exclude, autoFocus }, ref) {
  const trpc = useTRPC();
  const locations = useQuery(trpc.stock.locations.queryOptions());
  const rows = (locations.data ?? []).filter((l) => l.id !== exclude);
  const empty = locations.isSuccess && rows.length === 0;
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
        ) : undefined
      }
    >
      <option value="">{locations.isPending ? 'Loading…' : 'Choose a location'}</option>
      {rows.map((l) => (
        <option key={l.id} value={l.id}>
          {l.label}
        </option>
      ))}
    </SelectField>
  );
});
