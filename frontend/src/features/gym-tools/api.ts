import { api, refreshSession } from '@/lib/api';
import type { WeightUnit } from '@/features/workouts/types';

/** A habit as far as the workout link is concerned. */
export type LinkableHabit = {
  id: string;
  name: string;
  kind: 'boolean' | 'measurable';
  linkedToWorkouts?: boolean;
};

/** Changes the user's weight unit, then renews the session so every page reads the new unit. */
export async function updateUnit(unit: WeightUnit): Promise<void> {
  await api.patch('/users/me', { unit });
  await refreshSession();
}

export async function setHabitLinked(habitId: string, linkedToWorkouts: boolean): Promise<void> {
  await api.patch(`/habits/${encodeURIComponent(habitId)}`, { linkedToWorkouts });
}
