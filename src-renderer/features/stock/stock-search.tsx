import { Search } from 'lucide-react';
import { useRef } from 'react';
import { Kbd } from '../../components/kbd';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';
import { useSlashShortcut } from './use-slash-shortcut';

/** The stock search box: `/` focuses it, Esc clears it, ↓ moves into the results. */
export function StockSearch({ value, onChange, busy, onArrowDown }: { value: string; onChange: (next: string) => void; busy: boolean; onArrowDown?: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useSlashShortcut(ref);
  return (
    <div className="relative w-full max-w-sm">
      <label htmlFor="stock-search" className="sr-only">
        Search stock
      </label>
      <Search aria-hidden="true" className={cx('pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted', busy && 'animate-pulse')} />
      <input
        ref={ref}
        id="stock-search"
        type="search"
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder="Product, NDC, lot or location"
        aria-keyshortcuts="/"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && onArrowDown) {
            event.preventDefault();
            onArrowDown();
          }
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
        className={cx(inputClass(false), 'pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden')}
      />
      <Kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">/</Kbd>
    </div>
  );
}
