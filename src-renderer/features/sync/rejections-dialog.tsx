import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { describeMutation } from './describe-mutation';
import { formatDateTime } from './relative-time';

/**
 * Changes the server refused (SYNC.md: acknowledged, kept, shown with the reason). The queue
 * went on without them; the person reads why and dismisses each once dealt with.
 */
export function RejectionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rejections = useQuery({ ...trpc.sync.rejections.queryOptions(), enabled: open });
  const dismiss = useMutation(
    trpc.sync.dismiss.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.sync.pathFilter());
      },
    }),
  );
  const rows = rejections.data ?? [];
  return (
    <Dialog open={open} title="Changes the server did not accept" onClose={onClose}>
      <p className="mb-3 text-[13px] text-muted">
        These changes were made on this computer but refused by the server, so they are not part of the shared stock. Other changes were sent as usual. Redo any
        that are still needed, then dismiss them here.
      </p>
      {rejections.isError ? <Alert title="Could not load the list">{toAppError(rejections.error).message}</Alert> : null}
      {dismiss.isError ? <Alert title="Could not dismiss">{toAppError(dismiss.error).message}</Alert> : null}
      {rows.length === 0 && rejections.isSuccess ? <p className="text-[13px]">Nothing left to review.</p> : null}
      <ul className="divide-y divide-line rounded-md border border-line">
        {rows.map((r) => {
          const { action, detail } = describeMutation(r.name, r.args);
          return (
            <li key={r.mutationId} className="flex items-start gap-3 px-3 py-2.5">
              <div className="min-w-0 flex-1 text-[13px]">
                <p className="font-medium">
                  {action}
                  {detail ? <span className="font-normal text-muted"> — {detail}</span> : null}
                </p>
                <p className="mt-0.5 text-danger">{r.message}</p>
                <p className="mt-0.5 text-[11.5px] text-muted">
                  Refused {formatDateTime(r.rejectedAt)} · <span className="font-mono">{r.code}</span>
                </p>
              </div>
              <Button size="sm" busy={dismiss.isPending && dismiss.variables?.mutationId === r.mutationId} onClick={() => dismiss.mutate({ mutationId: r.mutationId })}>
                Dismiss
                <span className="sr-only"> {action}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
