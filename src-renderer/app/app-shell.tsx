import { WindowDropTarget } from '../features/import/window-drop-target';
import { StatusBar } from '../features/status/status-bar';
import { SyncErrorBanner } from '../features/sync/sync-error-banner';
import type { AppStatus, SessionInfo } from './router-types';
import { ScreenOutlet } from './screen-outlet';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';
import { useGoShortcuts } from './use-go-shortcuts';
import { useRoute } from './use-route';

/** The signed-in frame: top bar (with sync status), navigation, the current screen and the status line; a spreadsheet dropped anywhere opens Import. */
export function AppShell({ status, session }: { status: AppStatus; session: SessionInfo }) {
  const route = useRoute();
  useGoShortcuts(session.user.role);
  return (
    <div className="flex h-full flex-col">
      <a
        href="#main"
        onClick={(event) => {
          // Focus the content without touching the address (the fragment holds the route).
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-1.5 focus:shadow"
      >
        Skip to content
      </a>
      <TopBar status={status} session={session} />
      <SyncErrorBanner />
      <div className="flex min-h-0 flex-1">
        <SideNav route={route} role={session.user.role} />
        <main id="main" tabIndex={-1} className="flex min-w-0 flex-1 flex-col bg-canvas outline-none">
          <ScreenOutlet route={route} session={session} />
        </main>
      </div>
      <StatusBar status={status} session={session} />
      <WindowDropTarget />
    </div>
  );
}
