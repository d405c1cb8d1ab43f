import { Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { DISPOSITIONS, GDP_CATEGORIES, GMP_CATEGORIES } from '../../../shared/qa/content';
import { Button } from '../../components/button';
import { cx } from '../../components/cx';
import { Field, inputClass } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { EMPTY_LOT_ROW, EMPTY_SPEC_ROW, type Draft, type DraftErrors, type LotRow, type SpecRow } from './content-draft';
import { TextAreaField } from './text-area-field';

export interface ContentFormProps {
  draft: Draft;
  errors: DraftErrors;
  onChange: (next: Draft) => void;
}

const words = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('-', ' ');

/** Binds one scalar field of the draft to a control. */
function useBind({ draft, errors, onChange }: ContentFormProps) {
  return (name: string) => ({
    value: draft.fields[name] ?? '',
    error: errors[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...draft, fields: { ...draft.fields, [name]: e.target.value } }),
  });
}

/** A Certificate of Analysis: product, NDC, lot, dates, the specification lines and a conclusion. */
export function CoaForm(props: ContentFormProps) {
  const bind = useBind(props);
  const { draft, errors, onChange } = props;
  return (
    <div className="grid grid-cols-4 gap-3">
      <Field label="Product name" className="col-span-2" autoComplete="off" placeholder="Amoxicillin 500 mg capsules" {...bind('productName')} />
      <Field label="NDC" autoComplete="off" spellCheck={false} className="[&_input]:font-mono" placeholder="67457-153-03" description="As printed; stored as the 11-digit code." {...bind('ndc11')} />
      <Field label="Lot number" autoComplete="off" spellCheck={false} className="[&_input]:font-mono" {...bind('lotNumber')} />
      <Field label="Manufacture date" type="date" {...bind('manufacturedOn')} />
      <Field label="Expiry date" type="date" {...bind('expiry')} />
      <div className="col-span-4">
        <SpecLines rows={draft.specification} errors={errors} onChange={(specification) => onChange({ ...draft, specification })} />
      </div>
      <TextAreaField label="Conclusion (optional)" className="col-span-4" rows={2} placeholder="The lot complies with the specification." {...bind('conclusion')} />
    </div>
  );
}

/** The specification table: one row per test, editable in place; rows added and removed. */
function SpecLines({ rows, errors, onChange }: { rows: SpecRow[]; errors: DraftErrors; onChange: (rows: SpecRow[]) => void }) {
  const set = (i: number, patch: Partial<SpecRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cols: ReadonlyArray<{ key: 'test' | 'method' | 'limit' | 'result'; label: string; placeholder: string }> = [
    { key: 'test', label: 'Test', placeholder: 'Assay' },
    { key: 'method', label: 'Method', placeholder: 'HPLC (USP <621>)' },
    { key: 'limit', label: 'Limit', placeholder: '90.0–110.0 %' },
    { key: 'result', label: 'Result', placeholder: '99.4 %' },
  ];
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-[12.5px] font-medium">Specification</legend>
      <table className="w-full border-separate border-spacing-0 text-[13px]">
        <caption className="sr-only">Specification lines</caption>
        <thead>
          <tr className="text-left text-[11.5px] font-semibold tracking-wide text-muted uppercase">
            <th scope="col" className="w-8 pb-1">
              #
            </th>
            {cols.map((c) => (
              <th key={c.key} scope="col" className="pr-2 pb-1">
                {c.label}
              </th>
            ))}
            <th scope="col" className="pr-2 pb-1">
              Pass / fail
            </th>
            <th scope="col" className="pb-1">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="align-top">
              <td className="pt-1.5 text-muted tabular-nums">{i + 1}</td>
              {cols.map((c) => (
                <td key={c.key} className="pr-2 pb-1.5">
                  <CellInput label={`Line ${i + 1} ${c.label.toLowerCase()}`} placeholder={c.placeholder} value={row[c.key]} error={errors[`specification.${i}.${c.key}`]} onChange={(v) => set(i, { [c.key]: v })} />
                </td>
              ))}
              <td className="pr-2 pb-1.5">
                <select aria-label={`Line ${i + 1} pass or fail`} value={row.pass} onChange={(e) => set(i, { pass: e.target.value === 'fail' ? 'fail' : 'pass' })} className={cx(inputClass(false), 'w-24 pr-6')}>
                  <option value="pass">Pass</option>
                  <option value="fail">Fail</option>
                </select>
              </td>
              <td className="pb-1.5">
                <Button variant="ghost" size="sm" aria-label={`Remove line ${i + 1}`} icon={<Trash2 aria-hidden="true" className="size-3.5" />} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors['specification'] ? <p className="text-[12px] text-danger">{errors['specification']}</p> : null}
      <div>
        <Button size="sm" icon={<Plus aria-hidden="true" className="size-3.5" />} onClick={() => onChange([...rows, { ...EMPTY_SPEC_ROW }])}>
          Add specification line
        </Button>
      </div>
    </fieldset>
  );
}

function CellInput({ label, value, error, placeholder, onChange }: { label: string; value: string; error: string | undefined; placeholder?: string; onChange: (value: string) => void }) {
  const errorId = error ? `${label.replaceAll(' ', '-')}-error` : undefined;
  return (
    <div className="flex flex-col gap-0.5">
      <input aria-label={label} aria-invalid={error ? true : undefined} aria-describedby={errorId} value={value} placeholder={placeholder} autoComplete="off" onChange={(e) => onChange(e.target.value)} className={inputClass(Boolean(error))} />
      {error ? (
        <p id={errorId} className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Lots a GDP or GMP record is about (NDC + lot), rows added and removed. */
function LotRows({ rows, errors, onChange }: { rows: LotRow[]; errors: DraftErrors; onChange: (rows: LotRow[]) => void }) {
  const set = (i: number, patch: Partial<LotRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-[12.5px] font-medium">Lots concerned</legend>
      {rows.length === 0 ? <p className="text-[12px] text-muted">No lot named yet.</p> : null}
      {rows.map((row, i) => (
        <div key={i} className="flex items-start gap-2">
          <div className="w-48">
            <CellInput label={`Lot ${i + 1} NDC`} placeholder="NDC" value={row.ndc} error={errors[`lots.${i}.ndc11`]} onChange={(ndc) => set(i, { ndc })} />
          </div>
          <div className="w-48">
            <CellInput label={`Lot ${i + 1} number`} placeholder="Lot number" value={row.lotNumber} error={errors[`lots.${i}.lotNumber`]} onChange={(lotNumber) => set(i, { lotNumber })} />
          </div>
          <Button variant="ghost" size="sm" aria-label={`Remove lot ${i + 1}`} icon={<Trash2 aria-hidden="true" className="size-3.5" />} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div>
        <Button size="sm" icon={<Plus aria-hidden="true" className="size-3.5" />} onClick={() => onChange([...rows, { ...EMPTY_LOT_ROW }])}>
          Add lot
        </Button>
      </div>
    </fieldset>
  );
}

function Options({ values }: { values: readonly string[] }): ReactNode {
  return values.map((v) => (
    <option key={v} value={v}>
      {words(v)}
    </option>
  ));
}

/** A GDP record: a temperature excursion, a transport or storage deviation, returned goods. */
export function GdpForm(props: ContentFormProps) {
  const bind = useBind(props);
  const { draft, errors, onChange } = props;
  return (
    <div className="grid grid-cols-4 gap-3">
      <SelectField label="Category" {...bind('category')}>
        <Options values={GDP_CATEGORIES} />
      </SelectField>
      <Field label="Occurred at" type="datetime-local" description="Your local time; stored in UTC." {...bind('occurredAt')} />
      <Field label="Site" className="col-span-2" autoComplete="off" placeholder="Main warehouse, dock 2" {...bind('site')} />
      <Field label="Minimum temperature (°C)" inputMode="decimal" {...bind('minTemperatureC')} />
      <Field label="Maximum temperature (°C)" inputMode="decimal" {...bind('maxTemperatureC')} />
      <Field label="Duration (minutes)" inputMode="numeric" {...bind('durationMinutes')} />
      <SelectField label="Disposition" {...bind('disposition')}>
        <Options values={DISPOSITIONS} />
      </SelectField>
      <TextAreaField label="Description" className="col-span-4" {...bind('description')} />
      <TextAreaField label="Impact assessment" className="col-span-4" {...bind('impactAssessment')} />
      <div className="col-span-4">
        <LotRows rows={draft.lots} errors={errors} onChange={(lots) => onChange({ ...draft, lots })} />
      </div>
    </div>
  );
}

/** A GMP record: batch record review, deviation, CAPA or change control. */
export function GmpForm(props: ContentFormProps) {
  const bind = useBind(props);
  const { draft, errors, onChange } = props;
  return (
    <div className="grid grid-cols-4 gap-3">
      <SelectField label="Category" {...bind('category')}>
        <Options values={GMP_CATEGORIES} />
      </SelectField>
      <Field label="Reference" autoComplete="off" placeholder="DEV-2026-014" description="The batch record, deviation or CAPA number." {...bind('reference')} />
      <Field label="Due date (optional)" type="date" {...bind('dueDate')} />
      <TextAreaField label="Description" className="col-span-4" {...bind('description')} />
      <TextAreaField label="Root cause (optional)" className="col-span-2" {...bind('rootCause')} />
      <TextAreaField label="Corrective action (optional)" className="col-span-2" {...bind('correctiveAction')} />
      <TextAreaField label="Preventive action (optional)" className="col-span-2" {...bind('preventiveAction')} />
      <TextAreaField label="Outcome" className="col-span-2" {...bind('outcome')} />
      <div className="col-span-4">
        <LotRows rows={draft.lots} errors={errors} onChange={(lots) => onChange({ ...draft, lots })} />
      </div>
    </div>
  );
}
