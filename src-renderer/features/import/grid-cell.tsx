import { useRef, useState, type KeyboardEvent } from 'react';
import { cx } from '../../components/cx';
import type { ImportRow } from './use-import';

type Issue = ImportRow['issues'][number];

export interface GridCellProps {
  id: string;
  row: ImportRow;
  column: number;
  header: string;
  /** What Atlas reads the cell as, when that differs from its text (see readAs). */
  readAs: string | null;
  active: boolean;
  editing: boolean;
  saving: boolean;
  locked: boolean;
  onFocus: () => void;
  onStartEdit: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableCellElement>) => void;
  onSave: (value: string) => void;
  onCancel: () => void;
}

/** Error outline wins over warning; the messages go in the title and the accessible description. */
export function cellLook(issues: readonly Issue[]): 'error' | 'warning' | null {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : null;
}

/**
 * One cell of the preview: its text as the person will import it, outlined when it has an issue,
 * marked when they corrected it. Enter or a click opens an editor in place; Enter saves, Esc cancels.
 */
export function GridCell({ id, row, column, header, readAs, active, editing, saving, locked, onFocus, onStartEdit, onKeyDown, onSave, onCancel }: GridCellProps) {
  const value = row.cells[column] ?? '';
  const issues = row.issues.filter((i) => i.column === column);
  const look = cellLook(issues);
  const edited = row.edited.includes(column);
  const describedBy = look || edited || readAs ? `${id}-d` : undefined;
  const note = readAs ? `Read as ${readAs}.` : null;
  const title = [note, ...issues.map((i) => i.message), edited ? 'Corrected by you.' : null].filter(Boolean).join('\n') || undefined;
  return (
    <td
      role="gridcell"
      data-column={column}
      tabIndex={active && !editing ? 0 : -1}
      aria-invalid={look === 'error' || undefined}
      aria-describedby={describedBy}
      aria-readonly={locked || undefined}
      title={editing ? undefined : title}
      onFocus={onFocus}
      onClick={() => (active && !locked ? onStartEdit() : undefined)}
      onDoubleClick={() => (!locked ? onStartEdit() : undefined)}
      onKeyDown={editing ? undefined : onKeyDown}
      className={cx(
        'relative h-8 max-w-60 min-w-28 truncate border-b border-l border-line px-2 text-[12.5px] outline-none',
        look === 'error' && 'bg-danger-soft shadow-[inset_0_0_0_2px_var(--danger)]',
        look === 'warning' && 'bg-warn-soft/60 shadow-[inset_0_0_0_2px_var(--warn)]',
        look === null && edited && 'bg-accent-soft/60',
        'focus-visible:shadow-[inset_0_0_0_2px_var(--focus)]',
        editing && 'p-0',
      )}
    >
      {editing ? (
        <CellEditor label={`Row ${row.row}, ${header}`} initial={value} saving={saving} onSave={onSave} onCancel={onCancel} />
      ) : value === '' ? (
        <span className="text-muted/70">—</span>
      ) : (
        <>
          {value}
          {/* Visual only: the description below says it to a screen reader, and the cell keeps its own text as its name. */}
          {readAs ? (
            <span aria-hidden="true" className="ml-1.5 text-[11.5px] text-muted">
              → {readAs}
            </span>
          ) : null}
        </>
      )}
      {edited ? <span aria-hidden="true" className="absolute top-0 right-0 size-0 border-t-[7px] border-l-[7px] border-t-accent border-l-transparent" /> : null}
      {describedBy ? (
        <span id={describedBy} hidden>
          {[note ?? '', ...issues.map((i) => `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message}`), edited ? 'Corrected by you.' : ''].join(' ')}
        </span>
      ) : null}
    </td>
  );
}

function CellEditor({ label, initial, saving, onSave, onCancel }: { label: string; initial: string; saving: boolean; onSave: (value: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  // Enter and Esc settle the edit; the blur that follows must not save (or cancel) a second time.
  const settled = useRef(false);
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      settled.current = true;
      onSave(text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      settled.current = true;
      onCancel();
    }
  }
  return (
    <input
      aria-label={label}
      autoFocus
      value={text}
      readOnly={saving}
      aria-busy={saving || undefined}
      spellCheck={false}
      autoComplete="off"
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => {
        settled.current = false;
        setText(e.target.value);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (settled.current) return;
        settled.current = true;
        if (text === initial) onCancel();
        else onSave(text);
      }}
      className="h-full w-full min-w-40 bg-surface px-2 font-mono text-[12.5px] text-fg outline-2 -outline-offset-2 outline-focus"
    />
  );
}
