import { useEffect, useRef } from 'react';

/** Esc anywhere on the screen runs `onEscape` (the house rule: Esc cancels). */
export function useEscapeKey(onEscape: () => void, enabled: boolean): void {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useEffect(() => {
    if (!enabled) return undefined;
    function onKeyDown(event: KeyboardEvent) {
      // A modal <dialog> handles its own Esc (it closes); the screen behind must not react too.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
