'use client';

import { useSWRConfig } from 'swr';

import { usePaginatedList } from '@/lib/usePaginatedList';
import { isTodayKey } from '@/features/today/api';
import { HABITS_PATH } from './api';
import type { Habit } from './types';

const PAGE_SIZE = 50;

/** The user's habits, page by page, and a way to refresh them (and Today) after a change. */
export function useHabits() {
  const list = usePaginatedList<Habit>(HABITS_PATH, PAGE_SIZE);
  const { mutate: mutateGlobal } = useSWRConfig();

  async function refresh() {
    // Today lists habits too: a renamed or deleted habit must not linger there.
    await Promise.all([list.mutate(), mutateGlobal(isTodayKey)]);
  }

  return { ...list, refresh };
}
