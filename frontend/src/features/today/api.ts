import type { Key } from 'swr';

import { api } from '@/lib/api';
import type { Completion, DayEntry } from './types';

const TODAY_PATH = '/today';

/** The SWR key of one day's checklist; without a date, the user's today. */
export function todayKey(date?: string): string {
  return date ? `${TODAY_PATH}?date=${date}` : `${TODAY_PATH}?`;
}

/** Matches every cached day and every habit statistic, to refetch them after a day changes. */
export function isTodayKey(key: Key): boolean {
  return typeof key === 'string' && key.startsWith(`${TODAY_PATH}?`);
}

/** Matches what a recorded day changes: day lists, histories, stats and the dashboard. */
export function isProgressKey(key: Key): boolean {
  return (
    isTodayKey(key) ||
    (typeof key === 'string' && /^\/habits\/(summary|[a-f0-9]{24}\/(history|stats))/.test(key))
  );
}

/** Marks a habit done on a local day; repeating it is harmless. */
export async function completeHabit(habitId: string, date: string): Promise<Completion> {
  return recordDay(habitId, date, { status: 'done' });
}

/** Marks a habit not done on a local day. */
export async function uncompleteHabit(habitId: string, date: string): Promise<void> {
  await api.delete(completionPath(habitId, date));
}

/** Sets a day's entry (done with a value or note, skipped), or removes it (null). */
export async function recordDay(
  habitId: string,
  date: string,
  entry: NonNullable<DayEntry>,
): Promise<Completion> {
  const response = await api.put<Completion>(completionPath(habitId, date), entry);
  return response.data;
}

function completionPath(habitId: string, date: string): string {
  return `/habits/${encodeURIComponent(habitId)}/completions/${date}`;
}
