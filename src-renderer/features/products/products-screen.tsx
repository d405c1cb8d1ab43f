import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Plus, Snowflake } from 'lucide-react';
import { useRef, useState } from 'react';
import { toAppError } from '../../app/app-error';
import type { RouteParams } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { CheckboxField } from '../../components/checkbox-field';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { SelectField } from '../../components/select-field';
import { Cell, EmptyRow, FlagsHeaderCell, HeaderCell, Row, Table } from '../../components/table';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { Confirmation, FailureAlert, FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { commandFailure } from '../movements/form-errors';
import { useAfterChange } from '../movements/use-after-change';
import { formatNdc11 } from '../stock/format-ndc';
import { useDebouncedValue } from '../stock/use-debounced-value';
import { NotSyncedBadge } from '../stock/stock-markers';
import { describeNdc, EMPTY_PRODUCT, PRODUCT_FIELDS, SCHEDULES, toProductArgs, validateProduct } from './product-form';

/** The product catalogue, keyed by NDC, and the form to add a product. */
export function ProductsScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const preset = useRef(params);
  const [adding, setAdding] = useState(Boolean(params.ndc || params.gtin));
  const [filter, setFilter] = useState('');
  const search = useDebouncedValue(filter.trim(), 150);
  const products = useQuery({ ...trpc.stock.products.queryOptions(search === '' ? {} : { search }), placeholderData: keepPreviousData });
  const form = useForm(PRODUCT_FIELDS, { ...EMPTY_PRODUCT, ndc: preset.current.ndc ?? '', gtin: preset.current.gtin ?? '' }, validateProduct);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upsert = useMutation(
    trpc.stock.upsertProduct.mutationOptions({
      onSuccess: async (_r, args) => {
        setDone(`Added ${args.name} (NDC ${formatNdc11(args.ndc11)}). Saved on this computer and queued for the server.`);
        form.reset(EMPTY_PRODUCT);
        form.focus('ndc');
        await afterChange();
      },
      onError: (err) => {
        const view = commandFailure(err, [...PRODUCT_FIELDS, 'ndc11'] as const);
        setFailure(view.message);
        const { ndc11, ...rest } = view.byField;
        form.setServerErrors(ndc11 ? { ...rest, ndc: ndc11 } : rest);
      },
    }),
  );
  const submit = form.handleSubmit((v) => {
    if (upsert.isPending) return;
    setFailure(null);
    setDone(null);
    upsert.mutate(toProductArgs(v));
  });
  useEscapeKey(() => {
    form.reset(EMPTY_PRODUCT);
    setFailure(null);
    setAdding(false);
  }, adding && !upsert.isPending);

  const ndc = describeNdc(form.values.ndc);
  const rows = products.data ?? [];

  return (
    <Screen
      title="Products"
      subtitle="Your catalogue, keyed by NDC. Scans find products by GTIN or by the NDC inside it."
      actions={
        <>
          <Field label="Search products" className="w-72 [&_label]:sr-only" type="search" placeholder="Name, generic name, NDC or GTIN" value={filter} onChange={(e) => setFilter(e.target.value)} />
          {!adding ? (
            <Button variant="primary" icon={<Plus aria-hidden="true" className="size-4" />} onClick={() => setAdding(true)}>
              Add product
            </Button>
          ) : null}
        </>
      }
    >
      {adding ? (
        <Card className="max-w-5xl p-4">
          <h2 className="mb-3 text-[14px] font-semibold">Add product</h2>
          <FailureAlert title="Product not saved" message={failure} className="mb-3" />
          <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="grid grid-cols-4 gap-3">
            <Field label="NDC" autoFocus autoComplete="off" spellCheck={false} placeholder="67457-153-03" className="[&_input]:font-mono" description={ndc.hint ?? 'As printed: 4-4-2, 5-3-2, 5-4-1, 5-4-2 or 6-4-2.'} {...form.bind('ndc')} error={form.errors.ndc ?? ndc.error ?? undefined} />
            <Field label="Name" className="col-span-2" autoComplete="off" placeholder="Amoxicillin 500 mg capsules" {...form.bind('name')} />
            <Field label="Generic name" autoComplete="off" {...form.bind('genericName')} />
            <Field label="Manufacturer" autoComplete="off" {...form.bind('manufacturer')} />
            <Field label="Strength" autoComplete="off" placeholder="500 mg" {...form.bind('strength')} />
            <Field label="Dosage form" autoComplete="off" placeholder="Capsule" {...form.bind('dosageForm')} />
            <Field label="Unit" autoComplete="off" placeholder="each" description="What quantities count: each, box, vial…" {...form.bind('unit')} />
            <SelectField label="Schedule" {...form.bind('schedule')}>
              <option value="">Not controlled</option>
              {SCHEDULES.map((s) => (
                <option key={s} value={s}>
                  Schedule {s.slice(1)}
                </option>
              ))}
            </SelectField>
            <Field label="Category (optional)" autoComplete="off" {...form.bind('category')} />
            <Field label="GTIN (optional)" autoComplete="off" spellCheck={false} inputMode="numeric" placeholder="00367457153032" className="[&_input]:font-mono" description="14 digits, from the pack’s barcode." {...form.bind('gtin')} />
            <CheckboxField
              label="Cold chain"
              description="Store at 2–8 °C."
              className="self-center"
              checked={form.values.coldChain === 'true'}
              onChange={(e) => form.setValue('coldChain', e.target.checked ? 'true' : '')}
            />
            <div className="col-span-4">
              <FormActions escHint="closes the form">
                <Button type="submit" variant="primary" busy={upsert.isPending}>
                  Add product
                </Button>
                <Button
                  onClick={() => {
                    form.reset(EMPTY_PRODUCT);
                    setAdding(false);
                  }}
                >
                  Cancel
                </Button>
              </FormActions>
            </div>
          </form>
        </Card>
      ) : null}
      <Confirmation>{done}</Confirmation>
      {products.isError ? <Alert title="Products could not be loaded">{toAppError(products.error).message}</Alert> : null}
      <Card className="overflow-hidden">
        <Table>
          <caption className="sr-only">Products</caption>
          <thead>
            <tr>
              <HeaderCell className="w-[26%]">Name</HeaderCell>
              <HeaderCell>NDC</HeaderCell>
              <HeaderCell>GTIN</HeaderCell>
              <HeaderCell>Strength · form</HeaderCell>
              <HeaderCell>Manufacturer</HeaderCell>
              <HeaderCell>Unit</HeaderCell>
              <FlagsHeaderCell />
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && products.isSuccess ? <EmptyRow colSpan={7}>{search ? `No product matches “${search}”.` : 'No products yet. Add the first one above.'}</EmptyRow> : null}
            {rows.map((p) => (
              <Row key={p.id}>
                <Cell className="max-w-0 truncate" title={p.genericName ? `${p.name} (${p.genericName})` : p.name}>
                  <span className="font-medium">{p.name}</span>
                  {p.genericName ? <span className="text-muted"> · {p.genericName}</span> : null}
                </Cell>
                <Cell className="font-mono text-[12px]">{formatNdc11(p.ndc11) ?? '—'}</Cell>
                <Cell className="font-mono text-[12px]">{p.gtin ?? <span className="text-muted">—</span>}</Cell>
                <Cell>{[p.strength, p.dosageForm].filter(Boolean).join(' · ') || <span className="text-muted">—</span>}</Cell>
                <Cell className="max-w-48 truncate">{p.manufacturer ?? <span className="text-muted">—</span>}</Cell>
                <Cell>{p.unit}</Cell>
                <Cell>
                  <span className="inline-flex gap-1">
                    {p.schedule ? <Badge tone="accent">{`C-${p.schedule.slice(1)}`}</Badge> : null}
                    {p.coldChain ? (
                      <Badge tone="accent" className="gap-1">
                        <Snowflake aria-hidden="true" className="size-3" />
                        Cold chain
                      </Badge>
                    ) : null}
                    {p.pendingSync ? <NotSyncedBadge /> : null}
                  </span>
                </Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </Card>
    </Screen>
  );
}
