/**
 * Saves a file the desktop core produced (a PDF or a JSON bundle) through the browser's own
 * download: a data URL on an `<a download>`, so nothing is written by the renderer itself and
 * the same code works in Electron and in the browser shell.
 */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

export function base64DataUrl(mime: string, base64: string): string {
  return `data:${mime};base64,${base64}`;
}

/** UTF-8 text as a base64 data URL (btoa alone only takes Latin-1). */
export function textDataUrl(mime: string, text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return base64DataUrl(`${mime};charset=utf-8`, btoa(binary));
}
