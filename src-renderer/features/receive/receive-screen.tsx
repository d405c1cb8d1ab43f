import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { gtinToNdc10 } from '../../../shared/ndc';
import { screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { useEscapeKey } from '../../components/use-escape-key';
import { useForm } from '../../components/use-form';
import { LocationSelect } from '../catalog/location-select';
import { ProductPicker, type ProductSummary } from '../catalog/product-picker';
import { commandFailure } from '../movements/form-errors';
import { Confirmation, FailureAlert, FormActions, submitOnEnterInSelect } from '../movements/form-bits';
import { describeDateInput } from '../movements/parse-date-input';
import { ScanField, type ScanResult } from '../movements/scan-field';
import { useAfterChange } from '../movements/use-after-change';
import { formatDate } from '../stock/format-date';
import { formatNdc11 } from '../stock/format-ndc';
import { EMPTY_RECEIVE, RECEIVE_FIELDS, toReceiveCommand, validateReceive, type ReceiveField } from './receive-form';

const quantityFormat = new Intl.NumberFormat('en-US');

interface Receipt {
  movementId: string;
  product: string;
  lotNumber: string;
  expiry: string;
  quantity: number;
  unit: string;
  location: string;
}

interface UnknownProduct {
  gtin: string | null;
  ndc: string | null;
}

/**
 * Receiving: scan the pack (GS1 DataMatrix / GS1-128 typed by a keyboard-wedge scanner), check
 * what the scan filled in, choose where it goes and how many, Enter. The location is kept for the
 * next scan, since a pallet usually goes to one place.
 */
export function ReceiveScreen() {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const form = useForm(RECEIVE_FIELDS, EMPTY_RECEIVE, validateReceive);
  const [unknown, setUnknown] = useState<UnknownProduct | null>(null);
  const [product, setProduct] = useState<ProductSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [recent, setRecent] = useState<Receipt[]>([]);
  const scanRef = useRef<HTMLInputElement>(null);
  const locations = useQuery(trpc.stock.locations.queryOptions());

  const receive = useMutation(
    trpc.stock.receive.mutationOptions({
      onSuccess: async (result, command) => {
        const where = locations.data?.find((l) => l.id === command.locationId)?.label ?? '';
        const receipt = { movementId: result.movementId, product: product?.name ?? '', lotNumber: command.lotNumber, expiry: command.expiry, quantity: command.quantity, unit: product?.unit ?? '', location: where };
        setRecent((previous) => [receipt, ...previous].slice(0, 12));
        setDone(
          `Received ${quantityFormat.format(command.quantity)} ${product?.unit ?? ''} of ${product?.name ?? 'the product'}, lot ${command.lotNumber}, expiry ${formatDate(command.expiry)}${where ? ` at ${where}` : ''}. Saved on this computer and queued for the server.`,
        );
        form.reset({ ...EMPTY_RECEIVE, locationId: command.locationId });
        setProduct(null);
        setUnknown(null);
        scanRef.current?.focus();
        await afterChange();
      },
      onError: (err) => {
        const view = commandFailure(err, RECEIVE_FIELDS);
        setFailure(view.message);
        form.setServerErrors(view.byField);
        const first = RECEIVE_FIELDS.find((f) => view.byField[f]);
        if (first) form.focus(first);
      },
    }),
  );

  const submit = form.handleSubmit((values) => {
    if (receive.isPending) return;
    setFailure(null);
    setDone(null);
    receive.mutate(toReceiveCommand(values));
  });

  function clearAll() {
    form.reset({ ...EMPTY_RECEIVE, locationId: form.values.locationId });
    setProduct(null);
    setUnknown(null);
    setFailure(null);
    scanRef.current?.focus();
  }
  useEscapeKey(clearAll, !receive.isPending);

  function onScan(result: ScanResult) {
    const next = { ...form.values };
    next.productId = result.product?.id ?? '';
    // A scan describes a new pack: nothing of the previous one may linger.
    next.lotNumber = result.lot ?? '';
    next.expiry = result.expiry ?? '';
    next.manufacturedOn = result.productionDate ?? '';
    next.serial = result.serial ?? '';
    for (const f of RECEIVE_FIELDS) form.setValue(f, next[f]);
    setProduct(result.product);
    if (result.product) setUnknown(null);
    else {
      const ndc10 = result.gtin ? gtinToNdc10(result.gtin) : null;
      setUnknown({ gtin: result.gtin, ndc: result.ndc11 ? formatNdc11(result.ndc11) : ndc10?.ok ? ndc10.value : null });
    }
    // On to the first thing the scan could not fill in.
    const order: ReceiveField[] = ['productId', 'lotNumber', 'expiry', 'locationId', 'quantity'];
    const gap = result.product ? order.find((f) => next[f] === '') : undefined;
    if (gap) window.setTimeout(() => form.focus(gap), 0);
  }

  const expiry = describeDateInput(form.values.expiry);
  const manufactured = describeDateInput(form.values.manufacturedOn);

  return (
    <Screen title="Receive" subtitle="Scan each pack: the barcode fills in the product, lot, expiry and serial. Works offline.">
      <div className="grid max-w-7xl grid-cols-[minmax(0,1fr)_minmax(16rem,20rem)] items-start gap-3">
        <Card className="p-4">
          <FailureAlert title="Not received" message={failure} className="mb-3" />
          <form noValidate onSubmit={submit} onKeyDown={submitOnEnterInSelect} className="flex flex-col gap-3">
            <ScanField
              ref={scanRef}
              autoFocus
              onScan={onScan}
              placeholder="Scan the GS1 DataMatrix or GS1-128 barcode, or type an NDC"
              description="The scanner ends with Enter; you can also type the (01)…(17)…(10)… text printed under the barcode."
            />
            {unknown ? (
              <Alert tone="info" title="This product is not in your catalogue yet">
                {unknown.gtin ? `GTIN ${unknown.gtin}` : 'The scanned code'}
                {unknown.ndc ? ` (NDC ${unknown.ndc})` : ''} matches no product.{' '}
                <a className="font-medium text-accent underline" href={screenHref('products', { gtin: unknown.gtin ?? undefined, ndc: unknown.ndc ?? undefined })}>
                  Add it on the Products screen
                </a>
                , then scan again.
              </Alert>
            ) : null}
            <ProductPicker
              ref={form.register('productId')}
              value={form.values.productId}
              selected={product}
              error={form.errors.productId}
              onChange={(id, row) => {
                form.setValue('productId', id);
                setProduct(row);
              }}
            />
            <div className="grid grid-cols-4 gap-3">
              <Field label="Lot number" autoComplete="off" spellCheck={false} className="[&_input]:font-mono" {...form.bind('lotNumber')} />
              <Field label="Expiry date" placeholder="2027-03-12" autoComplete="off" description={expiry.hint ?? undefined} {...form.bind('expiry')} />
              <Field label="Manufacture date (optional)" placeholder="2025-03-12" autoComplete="off" description={manufactured.hint ?? undefined} {...form.bind('manufacturedOn')} />
              <Field label="Serial (optional)" autoComplete="off" spellCheck={false} className="[&_input]:font-mono" {...form.bind('serial')} />
            </div>
            <div className="grid grid-cols-4 gap-3">
              <div className="col-span-2">
                <LocationSelect
                  ref={form.register('locationId')}
                  value={form.values.locationId}
                  error={form.errors.locationId}
                  onChange={(id) => form.setValue('locationId', id)}
                />
              </div>
              <Field label="Quantity" inputMode="numeric" autoComplete="off" description={product ? `In ${product.unit}` : undefined} {...form.bind('quantity')} />
              <Field label="Reference (optional)" placeholder="PO or delivery note" autoComplete="off" {...form.bind('reference')} />
            </div>
            <FormActions>
              <Button type="submit" variant="primary" busy={receive.isPending}>
                Receive
              </Button>
            </FormActions>
          </form>
        </Card>
        <RecentReceipts receipts={recent} />
      </div>
      <div className="max-w-7xl">
        <Confirmation>{done}</Confirmation>
      </div>
    </Screen>
  );
}

/** This session's receipts, newest first, so a person can check a pallet as they go. */
function RecentReceipts({ receipts }: { receipts: readonly Receipt[] }) {
  return (
    <Card className="p-4">
      <h2 className="text-[13px] font-semibold">Received in this session</h2>
      {receipts.length === 0 ? (
        <p className="mt-1 text-[12.5px] text-muted">Nothing yet. Each receipt is listed here.</p>
      ) : (
        <ol className="mt-2 divide-y divide-line text-[12.5px]">
          {receipts.map((r) => (
            <li key={r.movementId} className="py-1.5">
              <p className="flex justify-between gap-2">
                <span className="truncate font-medium">{r.product}</span>
                <span className="shrink-0 tabular-nums">
                  {quantityFormat.format(r.quantity)} <span className="text-muted">{r.unit}</span>
                </span>
              </p>
              <p className="text-muted">
                lot <span className="font-mono text-fg">{r.lotNumber}</span> · exp {formatDate(r.expiry)} · {r.location}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
