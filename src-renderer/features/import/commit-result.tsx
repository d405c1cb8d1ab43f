import { ArrowRight, Undo2 } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { screenHref } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Confirmation } from '../movements/form-bits';
import { commitResultSentence } from './commit-choice';
import { UndoDialog, type UndoTarget } from './undo-dialog';
import type { ImportView } from './use-import';

type Result = NonNullable<ImportView['result']>;

/** After the commit: what went in, which rows the replica refused and why, and the way back. */
export function CommitResult({ view, result }: { view: ImportView; result: Result }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.imports.history.queryOptions());
  const undone = history.data?.some((r) => r.id === result.importId && r.status === 'undone') ?? false;
  const [undoing, setUndoing] = useState<UndoTarget | null>(null);
  return (
    <Card className="flex flex-col gap-3 p-4">
      <h2 className="text-[15px] font-semibold">Imported</h2>
      <Confirmation>
        {commitResultSentence(result)} The stock is on this computer now and goes to the server with the next sync.
      </Confirmation>
      {result.failed.length > 0 ? (
        <div>
          <h3 className="text-[13px] font-semibold">Refused rows</h3>
          <p className="text-[12.5px] text-muted">The replica refused these rows when they were written. Fix them and import a file of just those rows: importing the whole file again would receive the other rows a second time.</p>
          <ul className="mt-2 max-h-56 divide-y divide-line overflow-auto rounded-md border border-line text-[12.5px]">
            {result.failed.map((f) => (
              <li key={f.row} className="flex gap-3 px-3 py-1.5">
                <span className="w-16 shrink-0 font-mono text-muted">Row {f.row}</span>
                <span className="text-danger">{f.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <a href={screenHref('stock')} className="inline-flex h-8 items-center gap-2 rounded-md bg-accent px-3 text-[13px] font-medium text-accent-fg shadow-sm hover:bg-accent-hover">
          See the stock <ArrowRight aria-hidden="true" className="size-4" />
        </a>
        {undone ? (
          <p className="text-muted">This import has since been undone.</p>
        ) : (
          <Button icon={<Undo2 aria-hidden="true" className="size-4" />} onClick={() => setUndoing({ importId: result.importId, fileName: view.file.name, rows: result.imported })}>
            Undo this import
          </Button>
        )}
      </div>
      <UndoDialog target={undoing} onClose={() => setUndoing(null)} />
    </Card>
  );
}
