import type { ReactNode } from 'react';
import { Card } from '../../components/card';
import { ThemeToggle } from '../../components/theme-toggle';
import { Wordmark } from '../../components/wordmark';
import { ServerIndicator } from '../status/server-indicator';
import type { ServerState } from '../status/server-indicator';

/** The frame of the account screens: mark, a narrow card, and the server the app talks to. */
export function AuthLayout({ title, subtitle, server, wide = false, children }: { title: string; subtitle: string; server: ServerState | null; wide?: boolean; children: ReactNode }) {
  return (
    <div className="flex min-h-full flex-col bg-canvas">
      <header className="flex h-12 items-center justify-between px-5">
        <Wordmark />
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[9vh] pb-10">
        <div className={wide ? 'w-full max-w-[520px]' : 'w-full max-w-[400px]'}>
          <Card className="p-7">
            <h1 className="text-[20px] font-semibold tracking-tight">{title}</h1>
            <p className="mt-1 mb-5 text-[13px] text-muted">{subtitle}</p>
            {children}
          </Card>
          {server ? (
            <div className="mt-4 flex justify-center">
              <ServerIndicator server={server} showUrl />
            </div>
          ) : null}
        </div>
      </main>
    </div>
  );
}
