import { presentWeight, type WeightUnit } from '../workouts/units';
import type { Progress } from './service';

export function presentProgress(progress: Progress, unit: WeightUnit) {
  return {
    unit,
    weekStart: progress.weekStart,
    weeks: progress.weeks.map((week) => ({
      start: week.start,
      workouts: week.workouts,
      volume: presentWeight(week.volumeKg, unit),
      volumeByMuscle: Object.fromEntries(
        Object.entries(week.volumeKgByMuscle).map(([muscle, kg]) => [
          muscle,
          presentWeight(kg, unit),
        ]),
      ),
    })),
    totals: {
      workouts: progress.totals.workouts,
      volume: presentWeight(progress.totals.volumeKg, unit),
    },
  };
}
