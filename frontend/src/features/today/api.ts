import type { Key } from 'swr';

import { api } from '@/lib/api';
import type { Completion } from './types';

const TODAY_PATH = '/today';

/** The SWR key of one day's checklist. */
export function todayKey(date: string): string {
  return `${TODAY_PATH}?date=${date}`;
}

/** Matches every cached day, to refetch them all after a habit changes. */
export function isTodayKey(key: Key): boolean {
  return typeof key === 'string' && key.startsWith(`${TODAY_PATH}?`);
}

/** Marks a habit done on a local day; repeating it is harmless. */
export async function completeHabit(habitId: string, date: string): Promise<Completion> {
  const response = await api.put<Completion>(completionPath(habitId, date));
  return response.data;
}

/** Marks a habit not done on a local day. */
export async function uncompleteHabit(habitId: string, date: string): Promise<void> {
  await api.delete(completionPath(habitId, date));
}

function completionPath(habitId: string, date: string): string {
  return `/habits/${encodeURIComponent(habitId)}/completions/${date}`;
}
