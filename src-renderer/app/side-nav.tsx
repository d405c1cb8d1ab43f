import { Boxes } from 'lucide-react';

/** Main navigation. Only screens that exist are listed; the others arrive with their issues. */
export function SideNav() {
  return (
    <nav aria-label="Main" className="flex w-44 shrink-0 flex-col gap-0.5 border-r border-line bg-surface p-2">
      <a
        href="#main"
        aria-current="page"
        className="flex h-8 items-center gap-2 rounded-md bg-accent-soft px-2 text-[13px] font-medium text-accent"
      >
        <Boxes aria-hidden="true" className="size-4" />
        Stock
      </a>
    </nav>
  );
}
