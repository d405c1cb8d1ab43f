import type { AppStatus } from '../../app/router-types';
import { cx } from '../../components/cx';

export type ServerState = AppStatus['server'];

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function serverLabel(server: ServerState): 'Online' | 'Offline' | 'Connecting…' {
  if (server.online) return 'Online';
  return server.checkedAt === null ? 'Connecting…' : 'Offline';
}

/**
 * Whether the Atlas server answers. Work goes on offline (the replica is local), so this is a
 * calm status, not an error; it is a polite live region so a change is announced.
 */
export function ServerIndicator({ server, showUrl = false }: { server: ServerState; showUrl?: boolean }) {
  const label = serverLabel(server);
  const checked = server.checkedAt ? ` · checked ${timeFormat.format(new Date(server.checkedAt))}` : '';
  return (
    <span role="status" title={`Atlas server ${server.url}${checked}`} className="inline-flex items-center gap-1.5 text-[12px] text-muted">
      <span aria-hidden="true" className={cx('size-2 rounded-full', server.online ? 'bg-ok' : server.checkedAt === null ? 'bg-line-strong' : 'bg-danger')} />
      <span className="sr-only">Server </span>
      {showUrl ? <span className="font-mono text-[11.5px]">{server.url}</span> : null}
      {showUrl ? <span aria-hidden="true">·</span> : null}
      <span className={cx(server.online ? 'text-fg' : '')}>{label}</span>
    </span>
  );
}
