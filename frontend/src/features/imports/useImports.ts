'use client';

import useSWR from 'swr';

import type { ApiError } from '@/lib/errors';
import { IMPORTS_PATH } from './api';
import type { ImportJob } from './types';

// While an import runs (here or started in another tab) its row keeps up, more slowly than the
// import's own progress bar.
const POLL_INTERVAL_MS = 3_000;

/** The user's latest imports, newest first (the API keeps the last 20). */
export function useImports() {
  const { data, error, isLoading, mutate } = useSWR<{ imports: ImportJob[] }, ApiError>(
    IMPORTS_PATH,
    {
      refreshInterval: (latest) =>
        latest?.imports.some((job) => job.status === 'running') ? POLL_INTERVAL_MS : 0,
    },
  );

  return { imports: data?.imports ?? [], error, isLoading, mutate };
}
