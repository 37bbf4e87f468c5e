import type { Metadata } from 'next';

import { WorkoutLogger } from '@/features/workouts/WorkoutLogger';

export const metadata: Metadata = { title: 'Log a workout' };

export default function LogWorkoutPage() {
  return <WorkoutLogger />;
}
