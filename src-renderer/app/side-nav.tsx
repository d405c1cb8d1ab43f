import { Fragment } from 'react';
import type { Role } from '../../shared/auth/schemas';
import { Kbd } from '../components/kbd';
import { cx } from '../components/cx';
import { navItemsFor } from './navigation';
import { navScreenOf, screenHref, type Route } from './routes';

/** Main navigation. Each entry shows its `g` shortcut; the current screen is aria-current. */
export function SideNav({ route, role }: { route: Route; role: Role }) {
  // Lot detail belongs to Stock, every QA page to QA documents.
  const current = navScreenOf(route);
  return (
    <nav aria-label="Main" className="flex w-48 shrink-0 flex-col gap-0.5 overflow-y-auto border-r border-line bg-surface p-2">
      {navItemsFor(role).map(({ screen, label, icon: Icon, key, group }, i, items) => {
        const active = screen === current;
        const divider = group !== undefined && items[i - 1]?.group !== group;
        return (
          <Fragment key={screen}>
            {divider ? <hr aria-hidden="true" className="my-1.5 border-line" /> : null}
            <a
              href={screenHref(screen)}
              aria-current={active ? 'page' : undefined}
              aria-keyshortcuts={`g ${key}`}
              className={cx(
                'group flex h-8 items-center gap-2 rounded-md px-2 text-[13px]',
                active ? 'bg-accent-soft font-medium text-accent' : 'text-fg/85 hover:bg-surface-2 hover:text-fg',
              )}
            >
              <Icon aria-hidden="true" className="size-4 shrink-0" />
              <span className="flex-1">{label}</span>
              <span aria-hidden="true" className="hidden items-center gap-0.5 opacity-70 group-hover:flex group-focus-visible:flex">
                <Kbd className="h-4 min-w-4 text-[10px]">G</Kbd>
                <Kbd className="h-4 min-w-4 text-[10px]">{key.toUpperCase()}</Kbd>
              </span>
            </a>
          </Fragment>
        );
      })}
      <p className="mt-auto px-2 pt-3 text-[11px] leading-4 text-muted">
        Press <Kbd className="h-4 min-w-4 text-[10px]">G</Kbd> then a letter to switch screens; <Kbd className="h-4 min-w-4 text-[10px]">/</Kbd> searches stock.
      </p>
    </nav>
  );
}
