import { api } from '@/lib/api';
import type { Habit, HabitChanges, HabitInput } from './types';

export const HABITS_PATH = '/habits';
export const ARCHIVED_HABITS_PATH = '/habits?archived=true';
export const SUMMARY_PATH = '/habits/summary';

export function habitPath(habitId: string): string {
  return `${HABITS_PATH}/${encodeURIComponent(habitId)}`;
}

export function historyPath(habitId: string): string {
  return `${habitPath(habitId)}/history`;
}

export function statsPath(habitId: string): string {
  return `${habitPath(habitId)}/stats`;
}

export async function createHabit(input: HabitInput): Promise<Habit> {
  const response = await api.post<Habit>(HABITS_PATH, input);
  return response.data;
}

export async function updateHabit(habitId: string, changes: HabitChanges): Promise<Habit> {
  const response = await api.patch<Habit>(habitPath(habitId), changes);
  return response.data;
}

export async function deleteHabit(habitId: string): Promise<void> {
  await api.delete(habitPath(habitId));
}

/** Puts these habits in this order, in the places they held among themselves. */
export async function reorderHabits(ids: string[]): Promise<void> {
  await api.post(`${HABITS_PATH}/reorder`, { ids });
}
