import { FileSpreadsheet } from 'lucide-react';
import { useEffect } from 'react';
import { toAppError } from '../../app/app-error';
import { formatRoute } from '../../app/routes';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { Screen } from '../../components/screen';
import { Spinner } from '../../components/spinner';
import { FilePickerButton } from './file-picker-button';
import { ImportHistory } from './import-history';
import { ImportWorkspace } from './import-workspace';
import { hasPendingFile, rememberedOpenImport, rememberOpenImport, subscribePendingFile, takePendingFile } from './pending-file';
import { ReadFailure, ReadingPanel } from './reading-panel';
import { StreamedImportPanel } from './streamed-import-panel';
import { useImportView } from './use-import';
import { useStageFile } from './use-stage-file';

/**
 * Import (`#/import`, `g i`): a spreadsheet dropped anywhere on the window, or chosen here, is
 * read by the desktop core; the person checks how its columns map, fixes the rows that need it,
 * and imports; past imports are listed below, each with an Undo.
 */
export function ImportScreen({ importId }: { importId: string | null }) {
  const view = useImportView(importId);
  const status = view.data?.status;
  const staging = useStageFile(importId ? { id: importId, closable: status !== 'committing' } : undefined);
  const { start } = staging;

  // Back to the import in progress when "Import" is opened again from the navigation.
  useEffect(() => {
    const open = rememberedOpenImport();
    if (importId === null && open && !hasPendingFile()) window.location.replace(formatRoute({ screen: 'import', params: { import: open } }));
  }, [importId]);
  useEffect(() => {
    if (importId === null) return;
    if (view.isError) rememberOpenImport(null);
    else if (status) rememberOpenImport(status === 'reading' || status === 'ready' || status === 'committing' ? importId : null);
  }, [importId, status, view.isError]);

  // A file dropped on another screen (or on this one) waits in the pending slot.
  useEffect(() => {
    const take = () => {
      const file = takePendingFile();
      if (file) void start(file);
    };
    take();
    return subscribePendingFile(take);
  }, [start]);

  const showHeaderPicker = importId !== null && (status === 'ready' || status === 'committed');

  return (
    <Screen
      title="Import"
      subtitle="Bring stock in from a spreadsheet: check how its columns are read, fix the rows that need it, then import."
      actions={showHeaderPicker ? <FilePickerButton label="Choose another file…" onFile={(f) => void start(f)} busy={staging.fileName !== null} /> : undefined}
    >
      <div className="flex w-full max-w-[1400px] flex-col gap-3 text-[13px]">
        {staging.fileName ? (
          <Alert tone="info" title={`Opening “${staging.fileName}”…`}>
            <span className="inline-flex items-center gap-2">
              <Spinner className="size-3.5" /> Handing the file to Atlas on this computer.
            </span>
          </Alert>
        ) : null}
        {staging.error ? <Alert title="The file could not be opened">{staging.error.message}</Alert> : null}

        {importId === null ? (
          <DropZone onFile={(f) => void start(f)} busy={staging.fileName !== null} />
        ) : view.isError ? (
          <Alert title="This import is no longer open">
            <p>{toAppError(view.error).message}</p>
            <FilePickerButton label="Choose another file" className="mt-2" onFile={(f) => void start(f)} />
          </Alert>
        ) : !view.data ? (
          <Card role="status" className="flex items-center gap-2 p-4 text-[13px] text-muted">
            <Spinner /> Opening the import…
          </Card>
        ) : view.data.status === 'reading' ? (
          <ReadingPanel view={view.data} />
        ) : view.data.tooLongToPreview ? (
          // Keyed by import: choices made for one file (a ticked "Import it again") never carry to the next.
          <StreamedImportPanel key={view.data.id} view={view.data} onFile={(f) => void start(f)} />
        ) : view.data.status === 'failed' || view.data.status === 'cancelled' ? (
          <ReadFailure view={view.data} onFile={(f) => void start(f)} />
        ) : (
          <ImportWorkspace key={view.data.id} view={view.data} />
        )}

        <ImportHistory />
      </div>
    </Screen>
  );
}

function DropZone({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  return (
    <Card className="flex flex-col items-center gap-3 border-2 border-dashed border-line-strong px-6 py-12 text-center shadow-none">
      <span className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent">
        <FileSpreadsheet aria-hidden="true" className="size-6" />
      </span>
      <div>
        <h2 className="text-[15px] font-semibold">Drop a spreadsheet anywhere in this window</h2>
        <p className="mt-1 max-w-lg text-[13px] text-muted">
          CSV, tab-separated text or Excel (.xlsx, .xls), in any language and date format. Nothing is stored until you press Import; every import can be undone.
        </p>
      </div>
      <FilePickerButton label="Choose a file…" variant="primary" onFile={onFile} busy={busy} />
    </Card>
  );
}
