/** The core reads and commits in the background; the screen polls `view` meanwhile. */
export const BUSY_POLL_MS = 250;
/** Claude is asked after the file is ready; its answer can change the mapping a moment later. */
export const MAPPING_POLL_MS = 600;

/** How often to poll an import's view in this state; false once nothing changes by itself. */
export function pollInterval(view: { status: string; mappingPath: { note: string; pending?: boolean } } | undefined): number | false {
  if (!view) return false;
  if (view.status === 'reading' || view.status === 'committing') return BUSY_POLL_MS;
  if (view.status === 'ready' && askingClaude(view.mappingPath)) return MAPPING_POLL_MS;
  return false;
}

/** True while the core's request to Claude is out (desktop-imports.ts askClaude). */
export function askingClaude(path: { note: string; pending?: boolean }): boolean {
  return path.pending === true;
}
