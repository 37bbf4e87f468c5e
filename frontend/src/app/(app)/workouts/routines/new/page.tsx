import type { Metadata } from 'next';

import { RoutineEditor } from '@/features/routines/RoutineEditor';

export const metadata: Metadata = { title: 'New routine' };

export default function NewRoutinePage() {
  return <RoutineEditor />;
}
