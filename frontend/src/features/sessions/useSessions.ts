'use client';

import useSWR from 'swr';

import type { ApiError } from '@/lib/errors';
import { SESSIONS_PATH } from './api';
import type { DeviceSession } from './types';

/** The user's signed-in devices, most recently used first. */
export function useSessions() {
  const { data, error, isLoading, mutate } = useSWR<{ items: DeviceSession[] }, ApiError>(
    SESSIONS_PATH,
  );

  return { sessions: data?.items ?? [], error, isLoading, mutate };
}
