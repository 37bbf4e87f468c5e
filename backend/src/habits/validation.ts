import { body } from 'express-validator';

import { bodyBoolean, bodyString, dateParam, idParam, paginationQuery } from '../lib/fields';

const color = (optional: boolean) => {
  const chain = body('color');
  if (optional) {
    chain.optional();
  }

  return chain
    .custom((value: unknown) => typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value))
    .withMessage('Must be a colour written #rrggbb');
};

export const listHabitsRules = paginationQuery();

export const createHabitRules = [
  bodyString('name', { max: 100 }),
  bodyString('description', { min: 0, max: 500, optional: true }),
  color(true),
  bodyBoolean('linkedToWorkouts', { optional: true }),
];

export const habitIdRules = [idParam()];

export const updateHabitRules = [
  idParam(),
  bodyString('name', { max: 100, optional: true }),
  bodyString('description', { min: 0, max: 500, optional: true }),
  color(true),
  bodyBoolean('linkedToWorkouts', { optional: true }),
];

export const completionRules = [
  idParam(),
  dateParam(),
  bodyString('note', { min: 0, max: 500, optional: true }),
];

export const deleteCompletionRules = [idParam(), dateParam()];
