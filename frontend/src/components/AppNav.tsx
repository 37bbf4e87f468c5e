'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

const LINKS = [
  { href: '/today', label: 'Today', icon: <CheckIcon /> },
  { href: '/habits', label: 'Habits', icon: <ListIcon /> },
  { href: '/stats', label: 'Stats', icon: <ChartIcon /> },
  { href: '/workouts', label: 'Workouts', icon: <DumbbellIcon /> },
  { href: '/settings', label: 'Settings', icon: <GearIcon /> },
] as const;

// A section's own pages (/habits/…, /workouts/log, /workouts/routines…) keep its tab current.
function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

type AppNavProps = { isLoggingOut: boolean; onLogout: () => void };

/** The main navigation: a top bar on wide screens, a bottom tab bar on phones. */
export function AppNav({ isLoggingOut, onLogout }: AppNavProps) {
  const pathname = usePathname();

  return (
    <nav aria-label="Main" className="app-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="app-nav-item"
              aria-current={isCurrent(pathname, link.href) ? 'page' : undefined}
            >
              <NavIcon>{link.icon}</NavIcon>
              <span>{link.label}</span>
            </Link>
          </li>
        ))}
        <li>
          <button type="button" className="app-nav-item" onClick={onLogout} disabled={isLoggingOut}>
            <NavIcon>
              <LogoutIcon />
            </NavIcon>
            <span>{isLoggingOut ? 'Logging out…' : 'Log out'}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

function NavIcon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="app-nav-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

function CheckIcon() {
  return (
    <>
      <rect x="3" y="3" width="18" height="18" rx="4" />
      <path d="m8 12 3 3 5-6" />
    </>
  );
}

function ListIcon() {
  return <path d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />;
}

function ChartIcon() {
  return <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />;
}

function DumbbellIcon() {
  return <path d="M6 7v10M3 9v6M18 7v10M21 9v6M6 12h12" />;
}

function GearIcon() {
  return (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1" />
    </>
  );
}

function LogoutIcon() {
  return <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 8l-4 4 4 4M6 12h10" />;
}
