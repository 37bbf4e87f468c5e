import type { Metadata } from 'next';

import { ExercisesView } from '@/features/exercises/ExercisesView';

export const metadata: Metadata = { title: 'Exercises' };

export default function ExercisesPage() {
  return <ExercisesView />;
}
