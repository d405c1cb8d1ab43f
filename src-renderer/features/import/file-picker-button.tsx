import { FileUp } from 'lucide-react';
import { useId, useRef } from 'react';
import { cx } from '../../components/cx';

/** What the picker offers; the core decides by content, this only narrows the dialog. */
export const SPREADSHEET_ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls';

export interface FilePickerButtonProps {
  label: string;
  onFile: (file: File) => void;
  variant?: 'primary' | 'secondary';
  busy?: boolean;
  className?: string;
}

/**
 * A real `<input type=file>` behind a label styled as a button: the keyboard reaches it, Enter or
 * Space opens the system dialog, and tests can find it by its label.
 */
export function FilePickerButton({ label, onFile, variant = 'secondary', busy = false, className }: FilePickerButtonProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <label
      htmlFor={id}
      className={cx(
        // relative: the visually hidden input is positioned against the label, not the page.
        'relative inline-flex h-8 shrink-0 cursor-default items-center justify-center gap-2 rounded-md px-3 text-[13px] font-medium whitespace-nowrap transition-colors select-none',
        'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus',
        variant === 'primary' ? 'bg-accent text-accent-fg shadow-sm hover:bg-accent-hover' : 'border border-line-strong bg-surface text-fg shadow-xs hover:bg-surface-2',
        busy && 'pointer-events-none opacity-80',
        className,
      )}
    >
      <FileUp aria-hidden="true" className="size-4" />
      {label}
      <input
        ref={ref}
        id={id}
        type="file"
        accept={SPREADSHEET_ACCEPT}
        className="sr-only"
        aria-busy={busy || undefined}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) fires again.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
