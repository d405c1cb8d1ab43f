import type { ChangeEvent } from 'react';
import { SelectField } from '../../components/select-field';

/** The workbook sheet to import, shown only when there is a choice. */
export function SheetField({ sheets, value, onChange, disabled, className }: { sheets: readonly string[]; value: string; onChange: (sheet: string) => void; disabled?: boolean; className?: string }) {
  if (sheets.length < 2) return null;
  return (
    <SelectField label="Sheet" className={className} value={value} disabled={disabled} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}>
      {sheets.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </SelectField>
  );
}
