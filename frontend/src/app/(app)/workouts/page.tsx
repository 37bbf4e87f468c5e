import type { Metadata } from 'next';

import { WorkoutsView } from '@/features/workouts/WorkoutsView';

export const metadata: Metadata = { title: 'Workouts' };

export default function WorkoutsPage() {
  return <WorkoutsView />;
}
