import {
  bodyEnum,
  bodyList,
  bodyString,
  idParam,
  paginationQuery,
  queryEnum,
  queryString,
} from '../lib/fields';
import { EQUIPMENT, EXERCISE_KINDS, MUSCLES } from './kinds';

export const EXERCISE_SCOPES = ['all', 'catalog', 'mine'] as const;
const MAX_PRIMARY_MUSCLES = 4;
const MAX_SECONDARY_MUSCLES = 6;

export const listExercisesRules = [
  queryString('q'),
  queryEnum('muscle', MUSCLES),
  queryEnum('equipment', EQUIPMENT),
  queryEnum('kind', EXERCISE_KINDS),
  queryEnum('scope', EXERCISE_SCOPES),
  ...paginationQuery(),
];

function exerciseFieldRules(optional: boolean) {
  return [
    bodyString('name', { max: 100, optional }),
    bodyEnum('primaryMuscles.*', MUSCLES),
    bodyEnum('secondaryMuscles.*', MUSCLES),
    bodyEnum('equipment', EQUIPMENT, { optional }),
  ];
}

function exerciseContainers(optional: boolean) {
  return [
    bodyList('primaryMuscles', { max: MAX_PRIMARY_MUSCLES, items: 'string', optional }),
    bodyList('secondaryMuscles', {
      min: 0,
      max: MAX_SECONDARY_MUSCLES,
      items: 'string',
      optional: true,
    }),
  ];
}

export const createExerciseRules = [...exerciseFieldRules(false), bodyEnum('kind', EXERCISE_KINDS)];
export const createExerciseContainers = exerciseContainers(false);

export const exerciseIdRules = [idParam()];

// The kind cannot change: the sets already logged were measured the old way.
export const updateExerciseRules = [idParam(), ...exerciseFieldRules(true)];
export const updateExerciseContainers = exerciseContainers(true);

export const exerciseHistoryRules = [idParam(), ...paginationQuery()];
