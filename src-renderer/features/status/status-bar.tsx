import { useQuery } from '@tanstack/react-query';
import { Building, ShieldCheck } from 'lucide-react';
import type { AppStatus, SessionInfo } from '../../app/router-types';
import { useTRPC } from '../../app/trpc';

const count = new Intl.NumberFormat('en-US');

/** The always-visible status line: where the data lives, how it is protected, and for whom. */
export function StatusBar({ status, session }: { status: AppStatus; session: SessionInfo }) {
  const trpc = useTRPC();
  const stock = useQuery(trpc.stock.list.queryOptions({}));
  const total = stock.data?.total;
  const lines = total === undefined ? '… stock lines' : stock.data?.truncated ? `${count.format(total)}+ stock lines` : total === 1 ? '1 stock line' : `${count.format(total)} stock lines`;
  return (
    <footer className="flex h-7 shrink-0 items-center justify-between gap-4 border-t border-line bg-surface px-3 text-[11.5px] text-muted">
      <p className="flex min-w-0 items-center gap-1.5 truncate">
        <ShieldCheck aria-hidden="true" className="size-3.5 shrink-0 text-ok" />
        <span>
          Encrypted local replica · {status.replica.cipher} · {lines}
        </span>
      </p>
      <p className="flex min-w-0 items-center gap-1.5 truncate">
        <Building aria-hidden="true" className="size-3.5 shrink-0" />
        <span className="sr-only">Signed in to </span>
        <span className="truncate">{session.company.name}</span>
      </p>
    </footer>
  );
}
