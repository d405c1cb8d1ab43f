import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Renders the first page of a PDF to a PNG with poppler's `pdftoppm` (Debian package poppler-utils,
 * installed by .ci/run), at 80 dpi — enough to read in a screenshot, small enough to keep.
 */
export async function pdfToPng(pdfPath: string, pngPath: string): Promise<void> {
  if (!pngPath.endsWith('.png')) throw new Error(`pdfToPng: the output path must end in .png (got ${pngPath}).`);
  const prefix = pngPath.slice(0, -'.png'.length);
  try {
    await run('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, prefix], { timeout: 60_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdfToPng: pdftoppm is not installed. Install poppler-utils (apt-get install -y poppler-utils; .ci/run does this on CI).');
    }
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Error(`pdfToPng: pdftoppm could not render ${pdfPath}${stderr ? `: ${stderr}` : ''}`, { cause: err });
  }
  // -singlefile writes exactly `${prefix}.png`, i.e. pngPath.
}
