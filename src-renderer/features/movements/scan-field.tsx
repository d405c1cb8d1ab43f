import { ScanLine } from 'lucide-react';
import { forwardRef, useState, type KeyboardEvent } from 'react';
import { toAppError } from '../../app/app-error';
import type { RouterOutputs } from '../../app/router-types';
import { useTRPCClient } from '../../app/trpc';
import { Field } from '../../components/field';

export type ScanResult = RouterOutputs['stock']['scan'];

export interface ScanFieldProps {
  onScan: (result: ScanResult) => void;
  autoFocus?: boolean;
  description?: string;
  placeholder?: string;
}

/**
 * "Scan barcode": a keyboard-wedge scanner types the element string into this field and ends
 * with Enter; the desktop core reads it (GS1 or a plain NDC) and the screen fills itself in.
 */
export const ScanField = forwardRef<HTMLInputElement, ScanFieldProps>(function ScanField({ onScan, autoFocus, description, placeholder = 'Scan the pack, or type its NDC' }, ref) {
  const client = useTRPCClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = code.trim();
    if (text === '' || busy) return;
    setBusy(true);
    setError(null);
    const input = event.currentTarget;
    try {
      const result = await client.stock.scan.query({ code: text });
      setCode('');
      onScan(result);
    } catch (err) {
      setError(toAppError(err).message);
      input.select();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="relative">
      <Field
        ref={ref}
        label="Scan barcode"
        value={code}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        className="[&_input]:pl-8 [&_input]:font-mono"
        error={error ?? undefined}
        description={busy ? 'Reading the scan…' : description}
        onChange={(e) => {
          setCode(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      <ScanLine aria-hidden="true" className="pointer-events-none absolute top-[30px] left-2.5 size-4 text-muted" />
    </div>
  );
});
