'use client';

import { useSWRConfig } from 'swr';

import { usePaginatedList } from '@/lib/usePaginatedList';
import { isProgressKey } from '@/features/today/api';
import { ARCHIVED_HABITS_PATH, HABITS_PATH } from './api';
import type { Habit } from './types';

const PAGE_SIZE = 50;

/** The user's active (or archived) habits, page by page, and a refresh of everything they show in. */
export function useHabits({ archived = false } = {}) {
  const list = usePaginatedList<Habit>(archived ? ARCHIVED_HABITS_PATH : HABITS_PATH, PAGE_SIZE);
  const { mutate: mutateGlobal } = useSWRConfig();

  async function refresh() {
    // Today, histories and the dashboard show habits too: a change must not linger there.
    await Promise.all([list.mutate(), mutateGlobal(isProgressKey)]);
  }

  return { ...list, refresh };
}
