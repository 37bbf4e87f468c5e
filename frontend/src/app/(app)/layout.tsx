import type { ReactNode } from 'react';

import { AppShell } from '@/components/AppShell';

// Every page in this group needs a signed-in user; AppShell checks and redirects.
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
