'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type SubnavLink = { href: string; label: string };

type SubnavProps = {
  /** The navigation's accessible name, e.g. "Gym". */
  label: string;
  links: readonly SubnavLink[];
  /** Whether a link is the current page; by default its path or any path below it. */
  isCurrent?: (pathname: string, href: string) => boolean;
};

function isSameOrBelow(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A section's tabs under the main navigation: a row of pills that scrolls on narrow screens. */
export function Subnav({ label, links, isCurrent = isSameOrBelow }: SubnavProps) {
  const pathname = usePathname();

  return (
    <nav aria-label={label} className="subnav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="subnav-item"
              aria-current={isCurrent(pathname, link.href) ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
