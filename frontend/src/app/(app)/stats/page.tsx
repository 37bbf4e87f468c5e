import type { Metadata } from 'next';

import { DashboardView } from '@/features/habits/DashboardView';

export const metadata: Metadata = { title: 'Stats' };

export default function StatsPage() {
  return <DashboardView />;
}
