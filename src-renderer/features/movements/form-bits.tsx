import { CircleCheck } from 'lucide-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';

/** Enter on a <select> confirms the form too (browsers only submit on Enter in a text field). */
export function submitOnEnterInSelect(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLSelectElement)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** The submit row: the button, and the keys that do the same. */
export function FormActions({ children, escHint = 'clears' }: { children: ReactNode; escHint?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 pt-1">
      {children}
      <span aria-hidden="true" className="flex items-center gap-1.5 text-[12px] text-muted">
        <Kbd>Enter</Kbd> confirms · <Kbd>Esc</Kbd> {escHint}
      </span>
    </div>
  );
}

/** Why the last command was not recorded, above its form; nothing while there is no failure. */
export function FailureAlert({ title, message, className }: { title: string; message: string | null; className?: string }) {
  return message ? (
    <Alert title={title} className={className}>
      {message}
    </Alert>
  ) : null;
}

/** What was just recorded, announced politely; stays until the next command. */
export function Confirmation({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      {children ? (
        <p className="flex items-start gap-2 rounded-md border border-transparent bg-ok-soft px-3 py-2 text-[13px] text-fg">
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-ok" />
          <span>{children}</span>
        </p>
      ) : null}
    </div>
  );
}
