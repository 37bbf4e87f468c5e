'use client';

import useSWR from 'swr';

import type { ApiError } from '@/lib/errors';
import { importPath } from './api';
import type { ImportJob } from './types';

// Often enough for the bar to move smoothly, rarely enough to stay cheap for the API.
const POLL_INTERVAL_MS = 1_000;

/** One import, asked for again every second while it runs. */
export function useImportJob(id: string) {
  const { data, error, mutate } = useSWR<{ import: ImportJob }, ApiError>(importPath(id), {
    refreshInterval: (latest) => (latest?.import.status === 'running' ? POLL_INTERVAL_MS : 0),
  });

  return { job: data?.import ?? null, error, mutate };
}
