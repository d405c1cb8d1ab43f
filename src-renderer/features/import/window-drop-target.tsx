import { FileSpreadsheet } from 'lucide-react';
import { useEffect, useState } from 'react';
import { navigate } from '../../app/use-route';
import { offerFile } from './pending-file';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Drop a spreadsheet anywhere on the window: an overlay says what will happen while files are
 * dragged over, and the drop opens the import screen with the file. Without this, Chromium would
 * open the file in place of the app (and Electron would try to navigate to it).
 */
export function WindowDropTarget() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when the pointer left the window.
    let depth = 0;
    function onEnter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    }
    function onOver(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    }
    function onLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function onDrop(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      offerFile(file);
      navigate({ screen: 'import', params: {} });
    }
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div aria-live="polite" className="contents">
      {dragging ? (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-canvas/80 p-6 backdrop-blur-[2px]">
          <div className="flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-accent bg-surface px-12 py-10 text-center shadow-xl">
            <span className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent">
              <FileSpreadsheet aria-hidden="true" className="size-6" />
            </span>
            <p className="text-[16px] font-semibold">Drop a spreadsheet to import</p>
            <p className="text-[12.5px] text-muted">CSV, TSV or Excel (.xlsx, .xls). You check the columns and rows before anything is stored.</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
