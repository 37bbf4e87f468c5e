import type { Metadata } from 'next';
import { Suspense } from 'react';

import { Loading } from '@/components/Loading';
import { WorkoutSummary } from '@/features/workouts/WorkoutSummary';

export const metadata: Metadata = { title: 'Workout' };

export default async function WorkoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  // The summary reads the query string (?saved=1), which needs a Suspense boundary.
  return (
    <Suspense fallback={<Loading />}>
      <WorkoutSummary workoutId={id} />
    </Suspense>
  );
}
