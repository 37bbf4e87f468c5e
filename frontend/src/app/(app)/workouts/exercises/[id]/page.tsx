import type { Metadata } from 'next';

import { ExerciseDetail } from '@/features/exercises/ExerciseDetail';

export const metadata: Metadata = { title: 'Exercise' };

export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  return <ExerciseDetail exerciseId={id} />;
}
