import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { AppError, isAppError } from '../../../shared/errors';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/qa/content';
import { loadDesktopConfig } from '../../../src-main/core/config';
import { createDesktopCore } from '../../../src-main/core/create-desktop-core';
import type { DesktopCore } from '../../../src-main/core/desktop-core';

interface ExportOptions {
  out: string;
  version?: string;
  pdf?: boolean;
}

/**
 * `atlas docs list` and `atlas docs export <id> --out <file>`: QA records on this computer (signed
 * in through the desktop app). Syncs first when the server is reachable, then exports from the
 * ledger copy this computer has verified — a bundle `atlas verify` checks offline, or the PDF.
 */
export function docsCommand(): Command {
  const docs = new Command('docs').description('QA records (CoA, GDP, GMP) on this computer: list and export');
  docs
    .command('list')
    .description('list QA records with their version, status and signatures')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withCore(async (core) => {
        await syncQuietly(core);
        const rows = await core.qa().list({});
        if (opts.json) console.log(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) console.log('No QA records on this computer.');
        else console.log(rows.map((r) => `${r.documentId}  ${DOCUMENT_TYPE_LABELS[r.type].padEnd(24)} v${r.version}  ${r.status.padEnd(11)} ${r.signed}/${r.required} signed${r.pending ? '  (not synced yet)' : ''}  ${r.title}`).join('\n'));
      });
    });
  docs
    .command('export')
    .description('export one version of a record as a verification bundle (JSON) or a PDF')
    .argument('<documentId>', 'the record id (see `atlas docs list`)')
    .requiredOption('--out <file>', 'where to write the bundle or PDF')
    .option('--version <n>', 'the version to export (default: the current one in the verified ledger)')
    .option('--pdf', 'write the PDF instead of the JSON bundle')
    .action(async (documentId: string, opts: ExportOptions) => {
      await withCore(async (core) => {
        await syncQuietly(core);
        const written = await exportDocument(core, documentId, opts);
        console.log(`Wrote ${written.what} of ${documentId} to ${opts.out}. Check it with: atlas verify <bundle.json>`);
      });
    });
  return docs;
}

/** Writes the export; used by the command and by tests with a desktop core of their own. */
export async function exportDocument(core: DesktopCore, documentId: string, opts: ExportOptions): Promise<{ what: string }> {
  const id = z.string().uuid().safeParse(documentId);
  if (!id.success) throw new AppError('validation/invalid-input', `"${documentId}" is not a record id; see \`atlas docs list\`.`);
  const version = opts.version === undefined ? undefined : Number(opts.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new AppError('validation/invalid-input', `--version must be a whole number from 1; got "${opts.version}".`);
  if (opts.pdf) {
    const pdf = await core.qa().exportPdf({ documentId, version });
    writeFileSync(opts.out, Buffer.from(pdf.base64, 'base64'));
    return { what: 'the PDF' };
  }
  const bundle = await core.qa().exportBundle({ documentId, version });
  writeFileSync(opts.out, bundle.json);
  return { what: 'the verification bundle' };
}

/** Offline is fine (the verified copy is exported); a ledger problem is reported, not hidden. */
async function syncQuietly(core: DesktopCore): Promise<void> {
  try {
    const status = await core.qa().sync();
    if (status.problem) console.error(`atlas docs: ${status.problem.message}`);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'server/unreachable') throw err;
    console.error('atlas docs: the server is not reachable; using the ledger copy this computer verified last.');
  }
}

async function withCore(run: (core: DesktopCore) => Promise<void>): Promise<void> {
  const core = createDesktopCore({ config: loadDesktopConfig(), shell: 'cli', autoSync: false });
  try {
    await run(core);
  } catch (err) {
    if (!isAppError(err)) throw err;
    console.error(`atlas docs: ${err.message}`);
    process.exitCode = 1;
  } finally {
    core.close();
  }
}
