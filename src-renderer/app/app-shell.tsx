import { StatusBar } from '../features/status/status-bar';
import { StockScreen } from '../features/stock/stock-screen';
import type { AppStatus, SessionInfo } from './router-types';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

/** The signed-in frame: top bar, navigation, the current screen and the status line. */
export function AppShell({ status, session }: { status: AppStatus; session: SessionInfo }) {
  return (
    <div className="flex h-full flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-1.5 focus:shadow">
        Skip to content
      </a>
      <TopBar status={status} session={session} />
      <div className="flex min-h-0 flex-1">
        <SideNav />
        <main id="main" tabIndex={-1} className="flex min-w-0 flex-1 flex-col outline-none">
          <StockScreen />
        </main>
      </div>
      <StatusBar status={status} session={session} />
    </div>
  );
}
