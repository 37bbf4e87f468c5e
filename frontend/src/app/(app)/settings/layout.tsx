import type { ReactNode } from 'react';

import { SettingsSubnav } from '@/features/settings/SettingsSubnav';
import '@/features/settings/data.css';

// Both settings pages share the section's tabs.
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsSubnav />
      {children}
    </>
  );
}
