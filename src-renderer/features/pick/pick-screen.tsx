import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { toAppError } from '../../app/app-error';
import type { RouteParams } from '../../app/routes';
import { useTRPC, useTRPCClient } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { SelectField } from '../../components/select-field';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { LocationSelect } from '../catalog/location-select';
import { ProductPicker, type ProductSummary } from '../catalog/product-picker';
import { Confirmation, FailureAlert, FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { ScanField, type ScanResult } from '../movements/scan-field';
import { useAfterChange } from '../movements/use-after-change';
import { formatDate, localIsoDate } from '../stock/format-date';
import { FefoSuggestion } from './fefo-suggestion';
import { EMPTY_PICK, PICK_FIELDS, pickLocationHint, validatePick, wantedQuantity, type PickMode } from './pick-form';

const quantityFormat = new Intl.NumberFormat('en-US');

interface Plan {
  locationId: string;
  reference: string | null;
  lines: { lotId: string; lotNumber: string; quantity: number }[];
}

/**
 * Picking: choose (or scan) the product, the location and how many; Atlas suggests lots by
 * earliest expiry first (FEFO) and records one pick per lot. A specific lot can be picked too,
 * even past what the ledger shows: that is recorded and flagged as a discrepancy, never refused.
 */
export function PickScreen({ params }: { params: RouteParams }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const afterChange = useAfterChange();
  const today = localIsoDate();
  const preset = useRef(params);
  const [mode, setMode] = useState<PickMode>(preset.current.lot ? 'lot' : 'fefo');
  const form = useForm(PICK_FIELDS, { ...EMPTY_PICK, locationId: preset.current.location ?? '', lotId: preset.current.lot ?? '' }, (values) => validatePick(values, mode));
  const [product, setProduct] = useState<ProductSummary | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const v = form.values;

  // A lot preselected from Lot detail brings its product.
  const presetLot = useQuery({ ...trpc.stock.lot.queryOptions({ id: preset.current.lot ?? '' }), enabled: Boolean(preset.current.lot) });
  const presetProduct = presetLot.data?.product ?? null;
  const { setValue } = form;
  useEffect(() => {
    if (!presetProduct || preset.current.lot === undefined) return;
    preset.current = { ...preset.current, lot: undefined };
    setProduct(presetProduct);
    setValue('productId', presetProduct.id);
  }, [presetProduct, setValue]);

  const wanted = wantedQuantity(v.quantity);
  const fefoInput = { productId: v.productId, locationId: v.locationId, quantity: wanted ?? 1, today };
  const fefo = useQuery({ ...trpc.stock.fefo.queryOptions(fefoInput), enabled: mode === 'fefo' && v.productId !== '' && v.locationId !== '' && wanted !== null });
  const lots = useQuery({ ...trpc.stock.list.queryOptions({ productId: v.productId, locationId: v.locationId }), enabled: v.productId !== '' && v.locationId !== '' });
  const lotRows = lots.data?.rows ?? [];

  // Where the product can be picked from. When only one location holds it, that is the location,
  // chosen once per product, and only over an empty choice or one Atlas made for the previous
  // product: a location the picker chose (or cleared) is never overruled.
  const holdings = useQuery({ ...trpc.stock.pickable.queryOptions({ productId: v.productId, today }), enabled: v.productId !== '' });
  const pickable = holdings.data && v.productId !== '' ? holdings.data : undefined;
  const placedFor = useRef('');
  const placed = useRef<string | null>(null);
  useEffect(() => {
    if (v.productId === '') placedFor.current = '';
    if (!pickable || placedFor.current === v.productId) return;
    placedFor.current = v.productId;
    const only = pickable.length === 1 ? pickable[0]?.locationId : undefined;
    if (only === undefined || (v.locationId !== '' && v.locationId !== placed.current)) return;
    placed.current = only;
    setValue('locationId', only);
    if (document.activeElement?.tagName === 'SELECT' || document.activeElement === document.body) form.focus('quantity');
  }, [pickable, v.productId, v.locationId, setValue, form]);
  const locationHint = pickLocationHint(pickable, v.locationId);
  const chosenLot = lotRows.find((r) => r.lotId === v.lotId);
  const unit = product?.unit ?? lotRows[0]?.unit ?? '';

  const pick = useMutation({
    mutationFn: async (plan: Plan) => {
      const recorded: Plan['lines'] = [];
      for (const line of plan.lines) {
        await client.stock.pick.mutate({ lotId: line.lotId, locationId: plan.locationId, quantity: line.quantity, reference: plan.reference });
        recorded.push(line);
      }
      return recorded;
    },
    onSuccess: async (lines) => {
      const total = lines.reduce((s, l) => s + l.quantity, 0);
      setDone(`Picked ${quantityFormat.format(total)} ${unit} of ${product?.name ?? 'the product'}: ${lines.map((l) => `lot ${l.lotNumber} × ${quantityFormat.format(l.quantity)}`).join(', ')}. Saved on this computer and queued for the server.`);
      form.reset({ ...EMPTY_PICK, locationId: v.locationId });
      setProduct(null);
      setMode('fefo');
      scanRef.current?.focus();
      await afterChange();
    },
    onError: async (err) => {
      setFailure(`${toAppError(err).message} Picks recorded before the problem are kept; check the lot’s history before trying again.`);
      await afterChange();
    },
  });

  const submit = form.handleSubmit((values) => {
    if (pick.isPending) return;
    setFailure(null);
    setDone(null);
    const quantity = wantedQuantity(values.quantity) ?? 0;
    const reference = values.reference.trim() || null;
    if (mode === 'lot') {
      pick.mutate({ locationId: values.locationId, reference, lines: [{ lotId: values.lotId, lotNumber: chosenLot?.lotNumber ?? '', quantity }] });
      return;
    }
    if (!fefo.data || fefo.isFetching) {
      setFailure('Wait for the suggestion to load, then press Pick again.');
      return;
    }
    if (fefo.data.allocated === 0) {
      setFailure('Nothing to pick by FEFO here. Choose “A specific lot” to record a pick from a lot anyway.');
      return;
    }
    pick.mutate({ locationId: values.locationId, reference, lines: fefo.data.lots.map((l) => ({ lotId: l.lotId, lotNumber: l.lotNumber, quantity: l.quantity })) });
  });

  useEscapeKey(() => {
    form.reset({ ...EMPTY_PICK, locationId: v.locationId });
    setProduct(null);
    setFailure(null);
    scanRef.current?.focus();
  }, !pick.isPending);

  function onScan(result: ScanResult) {
    setDone(null);
    if (!result.product) {
      setFailure('The scanned product is not in your catalogue, so there is nothing of it to pick.');
      return;
    }
    setFailure(null);
    setProduct(result.product);
    form.setValue('productId', result.product.id);
    if (result.lotId) {
      setMode('lot');
      form.setValue('lotId', result.lotId);
    }
    window.setTimeout(() => form.focus(v.locationId === '' ? 'locationId' : 'quantity'), 0);
  }

  const overdraw = mode === 'lot' && chosenLot && wanted !== null && wanted > chosenLot.quantity;

  return (
    <Screen title="Pick" subtitle="Scan or choose the product; Atlas suggests lots by earliest expiry first (FEFO). Works offline.">
      <div className="grid max-w-6xl grid-cols-[minmax(0,1fr)_minmax(24rem,28rem)] items-start gap-3">
        <Card className="p-4">
          <FailureAlert title="Not picked" message={failure} className="mb-3" />
          <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="flex flex-col gap-3">
            <ScanField ref={scanRef} autoFocus onScan={onScan} />
            <ProductPicker
              ref={form.register('productId')}
              value={v.productId}
              selected={product}
              error={form.errors.productId}
              onChange={(id, row) => {
                form.setValue('productId', id);
                form.setValue('lotId', '');
                setProduct(row);
              }}
            />
            <div className="grid grid-cols-3 gap-3">
              <div className="col-span-2">
                <LocationSelect
                  ref={form.register('locationId')}
                  value={v.locationId}
                  error={form.errors.locationId}
                  pickable={pickable ? { holdings: pickable, unit } : undefined}
                  hint={locationHint}
                  onChange={(id) => form.setValue('locationId', id)}
                />
              </div>
              <Field label="Quantity" inputMode="numeric" autoComplete="off" description={unit ? `In ${unit}` : undefined} {...form.bind('quantity')} />
            </div>
            <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px]">
              <legend className="mb-1 text-[12.5px] font-medium">Pick from</legend>
              <label className="inline-flex items-center gap-1.5">
                <input type="radio" name="pick-mode" value="fefo" checked={mode === 'fefo'} onChange={() => setMode('fefo')} className="accent-(--accent)" />
                Earliest expiry first (FEFO)
              </label>
              <label className="inline-flex items-center gap-1.5">
                <input type="radio" name="pick-mode" value="lot" checked={mode === 'lot'} onChange={() => setMode('lot')} className="accent-(--accent)" />A specific lot
              </label>
            </fieldset>
            {mode === 'lot' ? (
              <SelectField label="Lot" {...form.bind('lotId')}>
                <option value="">{v.productId && v.locationId ? (lotRows.length === 0 ? 'No stock of this product here' : 'Choose a lot') : 'Choose the product and location first'}</option>
                {lotRows.map((r) => (
                  <option key={r.lotId} value={r.lotId}>
                    {`Lot ${r.lotNumber} · exp ${formatDate(r.expiry)} · ${quantityFormat.format(r.quantity)} ${r.unit} · ${r.status}`}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {overdraw && chosenLot ? (
              <Alert tone="info" title="This takes the lot below zero">
                {`Lot ${chosenLot.lotNumber} shows ${quantityFormat.format(chosenLot.quantity)} ${chosenLot.unit} here. The pick will be recorded and flagged as a discrepancy for a supervisor.`}
              </Alert>
            ) : null}
            <Field label="Reference (optional)" placeholder="Order or delivery number" autoComplete="off" {...form.bind('reference')} />
            <FormActions>
              <Button type="submit" variant="primary" busy={pick.isPending}>
                Pick
              </Button>
            </FormActions>
          </form>
        </Card>
        <Card className="p-4" aria-live="polite">
          {mode === 'fefo' ? (
            fefo.data && wanted !== null ? (
              <FefoSuggestion fefo={fefo.data} wanted={wanted} unit={unit} today={today} />
            ) : fefo.isError ? (
              <Alert title="No suggestion">{toAppError(fefo.error).message}</Alert>
            ) : (
              <p className="text-[13px] text-muted">Choose the product, location and quantity to see which lots to pick, earliest expiry first.</p>
            )
          ) : (
            <p className="text-[13px] text-muted">Picking a specific lot. FEFO would pick the earliest-expiring available lot first.</p>
          )}
        </Card>
      </div>
      <div className="max-w-6xl">
        <Confirmation>{done}</Confirmation>
      </div>
    </Screen>
  );
}
