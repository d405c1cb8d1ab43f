import type { ReactNode } from 'react';

/** Inline code: commands, paths and error codes people may copy. */
export function Code({ children }: { children: ReactNode }) {
  return <code className="rounded border border-line bg-surface-2 px-1 py-px font-mono text-[12px] break-all">{children}</code>;
}
