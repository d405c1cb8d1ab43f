import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { cx } from '../../components/cx';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../sync/relative-time';
import { plural } from './progress-format';
import type { ImportView } from './use-import';

const NEW_WAREHOUSE = '\u0000new';
const DEFAULT_WAREHOUSE = 'Main';

/** The warehouse for rows whose location names none: the replica's, most used first, or a new one. */
export function useWarehouseChoice() {
  const trpc = useTRPC();
  const warehouses = useQuery(trpc.imports.warehouses.queryOptions());
  const [choice, setChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const known = warehouses.data?.length ? warehouses.data : [DEFAULT_WAREHOUSE];
  const selected = choice ?? known[0] ?? DEFAULT_WAREHOUSE;
  return { known, selected, setChoice, newName, setNewName, warehouse: selected === NEW_WAREHOUSE ? newName.trim() : selected };
}

export function WarehouseField({ choice, disabled }: { choice: ReturnType<typeof useWarehouseChoice>; disabled: boolean }) {
  return (
    <div className="flex flex-col gap-2">
      <SelectField label="Warehouse" value={choice.selected} disabled={disabled} onChange={(event) => choice.setChoice(event.target.value)} description="For rows whose location names no warehouse.">
        {choice.known.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
        <option value={NEW_WAREHOUSE}>Another warehouse…</option>
      </SelectField>
      {choice.selected === NEW_WAREHOUSE ? <Field label="New warehouse name" autoFocus value={choice.newName} disabled={disabled} onChange={(event) => choice.setNewName(event.target.value)} /> : null}
    </div>
  );
}

export function ModeOption({ id, name, checked, disabled, onChange, label, description }: { id: string; name: string; checked: boolean; disabled?: boolean; onChange: () => void; label: string; description: string }) {
  return (
    <div className={cx('flex items-start gap-2', disabled && 'opacity-60')}>
      <input type="radio" id={id} name={name} checked={checked} disabled={disabled} onChange={onChange} aria-describedby={`${id}-d`} className="mt-0.5 size-4 accent-(--accent)" />
      <div className="flex flex-col">
        <label htmlFor={id} className="text-[13px] font-medium">
          {label}
        </label>
        <p id={`${id}-d`} className="text-[12px] text-muted">
          {description}
        </p>
      </div>
    </div>
  );
}

type Earlier = ImportView['importedBefore'][number];

/** Why the import button waits while a file imported before has not been ticked for a second time. */
export const REPEAT_BLOCKER = 'Imported before: tick “Import it again” to receive its stock a second time.';

/**
 * The same file (same content) was imported before and its stock is still in: importing it
 * again receives every row a second time. Said before the button, with a box to tick on purpose.
 */
export function RepeatGuard({ earlier, again, onAgain, disabled }: { earlier: Earlier; again: boolean; onAgain: (again: boolean) => void; disabled: boolean }) {
  return (
    <Alert tone="info" title="This file was imported before">
      <p>
        {`On ${formatDateTime(earlier.createdAt)}${earlier.createdByName ? ` by ${earlier.createdByName}` : ''}, as “${earlier.fileName}”: ${plural(earlier.rowsImported, 'row')} received. Importing it again receives its stock a second time; to replace it, undo the earlier import first.`}
      </p>
      <CheckboxField className="mt-2" label="Import it again" checked={again} disabled={disabled} onChange={(event) => onAgain(event.target.checked)} />
    </Alert>
  );
}
