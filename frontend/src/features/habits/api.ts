import { api } from '@/lib/api';
import type { Habit, HabitInput } from './types';

export const HABITS_PATH = '/habits';

export async function createHabit(input: HabitInput): Promise<Habit> {
  const response = await api.post<Habit>(HABITS_PATH, input);
  return response.data;
}

export async function updateHabit(habitId: string, changes: Partial<HabitInput>): Promise<Habit> {
  const response = await api.patch<Habit>(`${HABITS_PATH}/${encodeURIComponent(habitId)}`, changes);
  return response.data;
}

export async function deleteHabit(habitId: string): Promise<void> {
  await api.delete(`${HABITS_PATH}/${encodeURIComponent(habitId)}`);
}
