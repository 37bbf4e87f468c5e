'use client';

import type { Routine } from '@/features/workouts/types';
import { usePaginatedList } from '@/lib/usePaginatedList';
import { ROUTINES_PATH } from './api';

/** The user's routines, oldest first, page by page. */
export function useRoutines() {
  return usePaginatedList<Routine>(ROUTINES_PATH, 50);
}
