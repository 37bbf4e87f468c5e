import { body, type ValidationChain } from 'express-validator';

import {
  bodyDateTime,
  bodyEnum,
  bodyId,
  bodyList,
  bodyLocalDate,
  bodyNumber,
  bodyString,
  idParam,
  paginationQuery,
} from '../lib/fields';
import { SET_TYPES } from './records';
import { WEIGHT_UNITS, hasAtMostTwoDecimals } from './units';

export const MAX_EXERCISES = 50;
export const MAX_SETS_PER_EXERCISE = 50;
export const MAX_REPS = 1000;
/** In the unit given: 2000 lb is about 907 kg, past every lift on record. */
export const MAX_WEIGHT = 2000;
export const MAX_DURATION_SECONDS = 24 * 3600;
export const MAX_DISTANCE_METERS = 1_000_000;
export const MAX_SUPERSET_GROUP = 25;

/** The chains of every set under `prefix` (`exercises.*.sets.*`); all values may be null. */
export function setRules(prefix: string): ValidationChain[] {
  return [
    bodyEnum(`${prefix}.type`, SET_TYPES, { optional: true }),
    bodyNumber(`${prefix}.reps`, { min: 0, max: MAX_REPS, integer: true, nullable: true }),
    bodyNumber(`${prefix}.weight`, { min: 0, max: MAX_WEIGHT, nullable: true })
      .bail()
      .custom(hasAtMostTwoDecimals)
      .withMessage('Must have at most two decimals'),
    bodyNumber(`${prefix}.rpe`, { min: 6, max: 10, nullable: true })
      .bail()
      .custom((value: number) => Number.isInteger(value * 2))
      .withMessage('Must be in half steps from 6 to 10'),
    bodyNumber(`${prefix}.durationSeconds`, {
      min: 1,
      max: MAX_DURATION_SECONDS,
      integer: true,
      nullable: true,
    }),
    bodyNumber(`${prefix}.distanceMeters`, { min: 0, max: MAX_DISTANCE_METERS, nullable: true })
      .bail()
      .custom((value: number) => value > 0)
      .withMessage('Must be above 0'),
  ];
}

/** The chains of the exercises of a workout or routine (their ids, grouping, notes and sets). */
export function exerciseEntryRules(): ValidationChain[] {
  return [
    bodyId('exercises.*.exerciseId'),
    body('exercises.*.supersetGroup')
      .optional({ values: 'null' })
      .custom(
        (value: unknown) =>
          typeof value === 'number' &&
          Number.isInteger(value) &&
          value >= 1 &&
          value <= MAX_SUPERSET_GROUP,
      )
      .withMessage(`Must be a whole number from 1 to ${MAX_SUPERSET_GROUP}, or null`),
    bodyString('exercises.*.notes', { min: 0, max: 500, optional: true }),
    ...setRules('exercises.*.sets.*'),
  ];
}

/** The lists as wholes: kept out of the unknown-field check (see lib/validate.ts). */
export function exerciseEntryContainers(optional: boolean, minSets = 1): ValidationChain[] {
  return [
    bodyList('exercises', { max: MAX_EXERCISES, items: 'object', optional }),
    bodyList('exercises.*.sets', { min: minSets, max: MAX_SETS_PER_EXERCISE, items: 'object' }),
  ];
}

function workoutFieldRules(optional: boolean): ValidationChain[] {
  return [
    bodyDateTime('startedAt', { optional }),
    bodyDateTime('endedAt', { nullable: true }),
    bodyLocalDate('date', { optional: true }),
    bodyEnum('unit', WEIGHT_UNITS, { optional: true }),
    bodyString('notes', { min: 0, max: 2000, optional: true }),
    bodyId('routineId', { nullable: true }),
    ...exerciseEntryRules(),
  ];
}

export const listWorkoutsRules = paginationQuery();
export const createWorkoutRules = [
  body('clientId')
    .optional()
    .custom((value: unknown) => typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value))
    .withMessage('Must be 8 to 64 letters, digits or dashes'),
  ...workoutFieldRules(false),
];
export const createWorkoutContainers = exerciseEntryContainers(false);
export const workoutIdRules = [idParam()];
export const updateWorkoutRules = [idParam(), ...workoutFieldRules(true)];
export const updateWorkoutContainers = exerciseEntryContainers(true);
