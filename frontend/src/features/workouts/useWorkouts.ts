'use client';

import { usePaginatedList } from '@/lib/usePaginatedList';
import { WORKOUTS_PATH } from './api';
import type { Workout } from './types';

const PAGE_SIZE = 20;

/** Past workouts, newest first as the API sends them, page by page. */
export function useWorkouts() {
  return usePaginatedList<Workout>(WORKOUTS_PATH, PAGE_SIZE);
}
