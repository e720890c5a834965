import type { MouseEvent, ReactNode } from 'react';
import { Link } from '@utrecht/component-library-react';
import { useLocation } from 'wouter';

/** An Utrecht link that navigates inside the app (a plain link for new tabs and keyboards). */
export function AppLink({ href, children, current }: { href: string; children: ReactNode; current?: boolean }) {
  const [, navigate] = useLocation();
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(href);
  }
  return (
    <Link href={href} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
