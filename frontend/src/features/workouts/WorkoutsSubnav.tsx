'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/workouts', label: 'Log' },
  { href: '/workouts/routines', label: 'Routines' },
  { href: '/workouts/exercises', label: 'Exercises' },
  { href: '/workouts/progress', label: 'Progress' },
  { href: '/workouts/tools', label: 'Tools' },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  if (href === '/workouts') {
    return (
      pathname === href ||
      pathname === '/workouts/log' ||
      /^\/workouts\/[a-f0-9]{24}$/.test(pathname)
    );
  }
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The gym section's tabs: logging, routines, the exercise catalog, progress and tools. */
export function WorkoutsSubnav() {
  const pathname = usePathname();

  return (
    <nav aria-label="Gym" className="subnav">
      <ul>
        {LINKS.map((link) => (
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
