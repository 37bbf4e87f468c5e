import { body } from 'express-validator';

import { bodyLocalDate, bodyNumber, bodyString, idParam, paginationQuery } from '../lib/fields';

export const MAX_EXERCISES = 50;
export const MAX_SETS_PER_EXERCISE = 50;
export const MAX_REPS = 1000;
export const MAX_WEIGHT_KG = 1000;

const arrayOf = (field: string, max: number, optional: boolean) => {
  const chain = body(field);
  if (optional) {
    chain.optional();
  }

  return chain
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .isArray({ min: 1, max })
    .withMessage(`Must be a list of 1 to ${max} items`)
    .bail()
    .custom((items: unknown[]) => items.every(isPlainObject))
    .withMessage('Each item must be an object');
};

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function workoutFieldRules(optional: boolean) {
  return [
    bodyLocalDate('date', { optional }),
    bodyString('notes', { min: 0, max: 2000, optional: true }),
    bodyString('exercises.*.name', { max: 100 }),
    bodyNumber('exercises.*.sets.*.reps', { min: 0, max: MAX_REPS, integer: true }),
    bodyNumber('exercises.*.sets.*.weight', { min: 0, max: MAX_WEIGHT_KG }),
  ];
}

function workoutContainerRules(optional: boolean) {
  return [
    arrayOf('exercises', MAX_EXERCISES, optional),
    arrayOf('exercises.*.sets', MAX_SETS_PER_EXERCISE, false),
  ];
}

export const listWorkoutsRules = paginationQuery();
export const createWorkoutRules = workoutFieldRules(false);
export const createWorkoutContainers = workoutContainerRules(false);
export const workoutIdRules = [idParam()];
export const updateWorkoutRules = [idParam(), ...workoutFieldRules(true)];
export const updateWorkoutContainers = workoutContainerRules(true);
