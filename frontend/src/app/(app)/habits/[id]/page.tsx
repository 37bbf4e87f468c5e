import type { Metadata } from 'next';

import { HabitHistoryView } from '@/features/habits/HabitHistoryView';

export const metadata: Metadata = { title: 'Habit history' };

export default async function HabitHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HabitHistoryView habitId={id} />;
}
