import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { forwardRef, useRef, useState } from 'react';
import type { RouterOutputs } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { formatNdc11 } from '../stock/format-ndc';
import { useDebouncedValue } from '../stock/use-debounced-value';

export type ProductRow = RouterOutputs['stock']['products'][number];
/** What a screen needs to know of the chosen product (a scan gives a full row, a lot a summary). */
export type ProductSummary = Pick<ProductRow, 'id' | 'name' | 'ndc11' | 'strength' | 'dosageForm' | 'unit'>;

export interface ProductPickerProps {
  value: string;
  onChange: (productId: string, product: ProductSummary | null) => void;
  /** The chosen product (e.g. from a scan), kept in the list even when the search would hide it. */
  selected?: ProductSummary | null;
  error?: string | undefined;
}

export function productLabel(p: Pick<ProductRow, 'name' | 'strength' | 'dosageForm' | 'ndc11'>): string {
  // Many catalogue names already carry strength and form ("Amoxicillin 500 mg capsules").
  const extra = [p.strength, p.dosageForm].filter((part): part is string => Boolean(part) && !p.name.toLowerCase().includes((part ?? '').toLowerCase().replace(/s$/, '')));
  const what = [p.name, ...extra].join(' ');
  const ndc = formatNdc11(p.ndc11);
  return ndc ? `${what} — NDC ${ndc}` : what;
}

/**
 * Choose a product: a filter box (name, generic name, NDC or GTIN digits) over a native select,
 * so a catalogue of thousands stays usable from the keyboard.
 */
export const ProductPicker = forwardRef<HTMLSelectElement, ProductPickerProps>(function ProductPicker({ value, onChange, selected, error }, ref) {
  const trpc = useTRPC();
  const selectRef = useRef<HTMLSelectElement | null>(null);
  const [filter, setFilter] = useState('');
  const search = useDebouncedValue(filter.trim(), 150);
  const products = useQuery({ ...trpc.stock.products.queryOptions(search === '' ? {} : { search }), placeholderData: keepPreviousData });
  const rows = products.data ?? [];
  const options: ProductSummary[] = selected && !rows.some((p) => p.id === selected.id) ? [selected, ...rows] : rows;
  return (
    <div className="grid grid-cols-[minmax(0,14rem)_minmax(0,1fr)] gap-2">
      <Field
        label="Find product"
        type="search"
        value={filter}
        placeholder="Name, NDC or GTIN"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          // Enter narrows to the product list instead of submitting the form; one match is chosen.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const [only] = rows;
          if (rows.length === 1 && only) onChange(only.id, only);
          selectRef.current?.focus();
        }}
      />
      <SelectField
        ref={(el) => {
          selectRef.current = el;
          if (typeof ref === 'function') ref(el);
          else if (ref) ref.current = el;
        }}
        label="Product"
        value={value}
        error={error}
        onChange={(e) => {
          const id = e.target.value;
          onChange(id, options.find((p) => p.id === id) ?? null);
        }}
      >
        <option value="">{products.isPending ? 'Loading…' : options.length === 0 ? (search ? 'No product matches' : 'No products yet') : 'Choose a product'}</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {productLabel(p)}
          </option>
        ))}
      </SelectField>
    </div>
  );
});
