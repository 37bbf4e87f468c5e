import { api } from '@/lib/api';
import type { WeightUnit } from '@/features/workouts/types';

export const BODY_WEIGHTS_PATH = '/body-weights';

export type WeekProgress = {
  start: string;
  workouts: number;
  volume: number;
  volumeByMuscle: Record<string, number>;
};

export type Progress = {
  unit: WeightUnit;
  weekStart: 'monday' | 'sunday';
  weeks: WeekProgress[];
  totals: { workouts: number; volume: number };
};

export type BodyWeight = { date: string; weight: number; unit: WeightUnit };

export function progressPath(weeks: number): string {
  return `/progress?weeks=${weeks}`;
}

export function bodyWeightsPath(limit: number): string {
  return `${BODY_WEIGHTS_PATH}?limit=${limit}`;
}

export async function saveBodyWeight(
  date: string,
  weight: number,
  unit: WeightUnit,
): Promise<BodyWeight> {
  const response = await api.put<BodyWeight>(`${BODY_WEIGHTS_PATH}/${date}`, { weight, unit });
  return response.data;
}

export async function deleteBodyWeight(date: string): Promise<void> {
  await api.delete(`${BODY_WEIGHTS_PATH}/${date}`);
}
