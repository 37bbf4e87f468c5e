import { bodyEnum, bodyId, bodyString, idParam, paginationQuery } from '../lib/fields';
import { WEIGHT_UNITS } from '../workouts/units';
import { exerciseEntryContainers, exerciseEntryRules } from '../workouts/validation';

function routineFieldRules(optional: boolean) {
  return [
    bodyString('name', { max: 100, optional }),
    bodyString('notes', { min: 0, max: 2000, optional: true }),
    bodyEnum('unit', WEIGHT_UNITS, { optional: true }),
    ...exerciseEntryRules(),
  ];
}

export const listRoutinesRules = paginationQuery();
export const createRoutineRules = routineFieldRules(false);
export const createRoutineContainers = exerciseEntryContainers(false);
export const routineIdRules = [idParam()];
export const updateRoutineRules = [idParam(), ...routineFieldRules(true)];
export const updateRoutineContainers = exerciseEntryContainers(true);
export const routineFromWorkoutRules = [bodyId('workoutId'), bodyString('name', { max: 100 })];
