import type { ReactNode } from 'react';

export interface DetailProps {
  term: string;
  children: ReactNode;
  /** On the value (`<dd>`). */
  className?: string;
  title?: string;
  termClassName?: string;
}

/** One term and its value inside a `<dl>`: a summary of a lot or a stock line. */
export function Detail({ term, children, className, title, termClassName = 'text-muted' }: DetailProps) {
  return (
    <div>
      <dt className={termClassName}>{term}</dt>
      <dd className={className} title={title}>
        {children}
      </dd>
    </div>
  );
}
