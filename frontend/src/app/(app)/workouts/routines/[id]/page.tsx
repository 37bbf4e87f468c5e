import type { Metadata } from 'next';

import { RoutineEditor } from '@/features/routines/RoutineEditor';

export const metadata: Metadata = { title: 'Edit routine' };

export default async function EditRoutinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  return <RoutineEditor routineId={id} />;
}
