'use client';

import { Subnav } from '@/components/Subnav';

const LINKS = [
  { href: '/settings', label: 'Profile and devices' },
  { href: '/settings/data', label: 'Your data' },
] as const;

// "/settings" is the parent of "/settings/data", so each tab is current on its own path only.
function isCurrent(pathname: string, href: string): boolean {
  return pathname === href;
}

/** The settings section's tabs: the profile and devices, and import, export and deletion. */
export function SettingsSubnav() {
  return <Subnav label="Settings sections" links={LINKS} isCurrent={isCurrent} />;
}
