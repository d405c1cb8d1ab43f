import { useRef, type KeyboardEvent } from 'react';
import { cx } from '../../components/cx';
import { formatCount } from './progress-format';
import type { RowFilter } from './use-import';

const TABS: ReadonlyArray<{ value: RowFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'errors', label: 'Errors' },
  { value: 'warnings', label: 'Warnings' },
];

/** All / Errors / Warnings as a tab list (arrow keys between tabs, as WAI-ARIA tabs do). */
export function FilterTabs({ value, counts, controls, onChange }: { value: RowFilter; counts: Record<RowFilter, number | null>; controls: string; onChange: (next: RowFilter) => void }) {
  const refs = useRef(new Map<RowFilter, HTMLButtonElement>());
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    onChange(next.value);
    refs.current.get(next.value)?.focus();
  }
  return (
    <div role="tablist" aria-label="Show rows" className="inline-flex h-7 items-center rounded-md border border-line bg-surface-2 p-0.5">
      {TABS.map((tab, i) => {
        const selected = tab.value === value;
        const n = counts[tab.value];
        const alarming = n !== null && n > 0 && tab.value !== 'all';
        return (
          <button
            key={tab.value}
            ref={(el) => {
              if (el) refs.current.set(tab.value, el);
              else refs.current.delete(tab.value);
            }}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={cx('inline-flex h-full items-center gap-1.5 rounded-[5px] px-2.5 text-[12px] font-medium', selected ? 'bg-surface text-fg shadow-xs' : 'text-muted hover:text-fg')}
          >
            {tab.label}
            {n !== null ? (
              <span className={cx('rounded px-1 text-[11px] tabular-nums', alarming ? (tab.value === 'errors' ? 'bg-danger-soft text-danger' : 'bg-warn-soft text-warn') : 'bg-surface-2 text-muted')}>
                {formatCount(n)}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
