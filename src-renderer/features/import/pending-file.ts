/**
 * A file dropped on the window outside the import screen waits here while the app switches to
 * that screen, which takes it. A module-level slot rather than state in the URL: a File cannot
 * be serialised, and only one drop is ever in flight.
 */
let pending: File | null = null;
const listeners = new Set<() => void>();

export function offerFile(file: File): void {
  pending = file;
  for (const listener of listeners) listener();
}

/** The waiting file, removed from the slot (so a remount never imports it twice). */
export function takePendingFile(): File | null {
  const file = pending;
  pending = null;
  return file;
}

export function subscribePendingFile(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasPendingFile(): boolean {
  return pending !== null;
}

/**
 * The import being worked on in this window, so that "Import" in the navigation returns to it
 * rather than to an empty screen (the core keeps it open until it is committed or replaced).
 */
let openImport: string | null = null;

export function rememberOpenImport(id: string | null): void {
  openImport = id;
}

export function rememberedOpenImport(): string | null {
  return openImport;
}
