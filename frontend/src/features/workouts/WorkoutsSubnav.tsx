'use client';

import { Subnav } from '@/components/Subnav';

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
  return <Subnav label="Gym" links={LINKS} isCurrent={isCurrent} />;
}
