import type { ReactNode } from 'react';

import { WorkoutsSubnav } from '@/features/workouts/WorkoutsSubnav';
import '@/features/workouts/workouts.css';

// Every gym page shares the section's tabs and its stylesheet.
export default function WorkoutsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <WorkoutsSubnav />
      {children}
    </>
  );
}
