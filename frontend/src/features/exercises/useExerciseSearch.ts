'use client';

import { useState } from 'react';
import useSWRInfinite from 'swr/infinite';

import type { Exercise } from '@/features/workouts/types';
import type { ApiError } from '@/lib/errors';
import type { Page } from '@/lib/usePaginatedList';
import { exercisesPath, type ExerciseFilters } from './api';
import { useDebouncedValue } from './useDebouncedValue';

/** The filters a user is typing, and the exercises that match them, a page at a time. */
export function useExerciseSearch(limit = 30) {
  const [filters, setFilters] = useState<ExerciseFilters>({});
  const settled = useDebouncedValue(filters);
  const { data, error, isLoading, size, setSize } = useSWRInfinite<Page<Exercise>, ApiError>(
    (index, previous: Page<Exercise> | null) => {
      if (previous && !previous.nextCursor) {
        return null;
      }
      const path = exercisesPath(settled, limit);
      return previous?.nextCursor ? `${path}&cursor=${previous.nextCursor}` : path;
    },
    { keepPreviousData: true },
  );

  return {
    filters,
    setFilters,
    exercises: data?.flatMap((page) => page.items) ?? [],
    hasMore: Boolean(data?.at(-1)?.nextCursor),
    loadMore: () => setSize(size + 1),
    error,
    isLoading,
  };
}
