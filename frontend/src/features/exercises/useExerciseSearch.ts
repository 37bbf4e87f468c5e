'use client';

import { useState } from 'react';
import useSWR from 'swr';

import type { Exercise } from '@/features/workouts/types';
import type { ApiError } from '@/lib/errors';
import type { Page } from '@/lib/usePaginatedList';
import { exercisesPath, type ExerciseFilters } from './api';
import { useDebouncedValue } from './useDebouncedValue';

/** The filters a user is typing, and the first page of exercises that match them. */
export function useExerciseSearch(limit = 30) {
  const [filters, setFilters] = useState<ExerciseFilters>({});
  const settled = useDebouncedValue(filters);
  const { data, error, isLoading } = useSWR<Page<Exercise>, ApiError>(
    exercisesPath(settled, limit),
    {
      keepPreviousData: true,
    },
  );

  return {
    filters,
    setFilters,
    exercises: data?.items ?? [],
    hasMore: Boolean(data?.nextCursor),
    error,
    isLoading,
  };
}
