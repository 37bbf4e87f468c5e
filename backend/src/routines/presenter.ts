import { presentEntry } from '../workouts/presenter';
import type { WeightUnit } from '../workouts/units';
import type { RoutineDocument } from './model';

export function presentRoutine(routine: RoutineDocument, unit: WeightUnit) {
  return {
    id: routine.id,
    name: routine.name,
    notes: routine.notes,
    unit,
    exercises: routine.exercises.map((entry) => presentEntry(entry, unit)),
    createdAt: routine.createdAt.toISOString(),
    updatedAt: routine.updatedAt.toISOString(),
  };
}
