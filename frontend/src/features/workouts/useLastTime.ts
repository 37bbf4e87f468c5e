'use client';

import useSWR from 'swr';

import {
  exerciseHistoryPath,
  type ExerciseHistory,
  type HistoryEntry,
} from '@/features/exercises/api';
import type { ApiError } from '@/lib/errors';

/** What the user did the last time they did this exercise, or null the first time. */
export function useLastTime(exerciseId: string): {
  lastTime: HistoryEntry | null;
  isLoading: boolean;
} {
  const { data, isLoading } = useSWR<ExerciseHistory, ApiError>(exerciseHistoryPath(exerciseId, 1));

  return { lastTime: data?.items[0] ?? null, isLoading };
}
