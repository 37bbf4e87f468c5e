import { body, type ValidationChain } from 'express-validator';

import {
  bodyBoolean,
  bodyEnum,
  bodyId,
  bodyLocalDate,
  bodyNumber,
  bodyString,
  dateParam,
  idParam,
  paginationQuery,
  queryEnum,
  queryLocalDate,
} from '../lib/fields';
import { COMPLETION_STATUSES, HABIT_KINDS, SCHEDULE_TYPES, TARGET_TYPES } from './model';

export const MAX_INTERVAL_DAYS = 365;
export const MAX_TARGET_VALUE = 1_000_000;
export const MAX_HISTORY_DAYS = 731;
const MAX_REORDER = 500;

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optional = (chain: ValidationChain, isOptional: boolean) =>
  isOptional ? chain.optional() : chain;

const color = () =>
  body('color')
    .optional()
    .custom((value: unknown) => typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value))
    .withMessage('Must be a colour written #rrggbb');

/** `HH:MM` on a 24-hour clock, or null for no reminder. */
const reminderTime = () =>
  body('reminderTime')
    .optional()
    .custom(
      (value: unknown) =>
        value === null || (typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)),
    )
    .withMessage('Must be a time written HH:MM (00:00 to 23:59), or null');

/** A field required inside `parent` whenever `parent` is sent as an object. */
const requiredInside = (
  parent: 'schedule' | 'target',
  field: string,
  isValid: (value: unknown) => boolean,
  message: string,
) =>
  body(`${parent}.${field}`)
    .if(body(parent).custom(isPlainObject))
    .custom(isValid)
    .withMessage(message);

const isNumberBetween = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

const scheduleFields = () => [
  requiredInside(
    'schedule',
    'type',
    (value) => SCHEDULE_TYPES.includes(value as never),
    `Must be one of ${SCHEDULE_TYPES.join(', ')}`,
  ),
  body('schedule.days.*')
    .custom((value: unknown) => Number.isInteger(value) && isNumberBetween(0, 6)(value))
    .withMessage('Each day must be a whole number from 0 (Sunday) to 6 (Saturday)'),
  bodyNumber('schedule.times', { min: 1, max: 31, integer: true, optional: true }),
  bodyNumber('schedule.interval', {
    min: 1,
    max: MAX_INTERVAL_DAYS,
    integer: true,
    optional: true,
  }),
];

const targetFields = () => [
  requiredInside(
    'target',
    'type',
    (value) => TARGET_TYPES.includes(value as never),
    `Must be one of ${TARGET_TYPES.join(', ')}`,
  ),
  requiredInside(
    'target',
    'value',
    isNumberBetween(0.001, MAX_TARGET_VALUE),
    `Must be a number from 0.001 to ${MAX_TARGET_VALUE}`,
  ),
  bodyString('target.unit', { min: 0, max: 20, optional: true }),
];

/** The objects and lists as a whole, kept apart from the unknown-field check. */
export const habitContainers = [
  body('schedule')
    .optional()
    .custom(isPlainObject)
    .withMessage('Must be an object such as {"type": "daily"}'),
  body('schedule.days')
    .optional()
    .isArray({ min: 1, max: 7 })
    .withMessage('Must be a list of 1 to 7 days')
    .bail()
    .custom((days: unknown[]) => new Set(days).size === days.length)
    .withMessage('Must not repeat a day'),
  body('target')
    .optional()
    .custom(isPlainObject)
    .withMessage('Must be an object such as {"type": "atLeast", "value": 8, "unit": "glasses"}'),
];

function habitFieldRules(isCreate: boolean): ValidationChain[] {
  return [
    optional(bodyString('name', { max: 100 }), !isCreate),
    bodyString('description', { min: 0, max: 500, optional: true }),
    color(),
    bodyString('icon', { min: 0, max: 16, optional: true }),
    reminderTime(),
    ...scheduleFields(),
    ...targetFields(),
  ];
}

export const listHabitsRules = [...paginationQuery(), queryEnum('archived', ['true', 'false'])];

export const createHabitRules = [
  ...habitFieldRules(true),
  bodyEnum('kind', HABIT_KINDS, { optional: true }),
  bodyLocalDate('startDate', { optional: true }),
  bodyBoolean('linkedToWorkouts', { optional: true }),
];

export const habitIdRules = [idParam()];

export const updateHabitRules = [
  idParam(),
  ...habitFieldRules(false),
  bodyBoolean('linkedToWorkouts', { optional: true }),
  body('archived')
    .optional()
    .custom((value: unknown) => typeof value === 'boolean')
    .withMessage('Must be true or false'),
];

export const reorderRules = [bodyId('ids.*')];

export const reorderContainers = [
  body('ids')
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .isArray({ min: 1, max: MAX_REORDER })
    .withMessage(`Must be a list of 1 to ${MAX_REORDER} habit ids`)
    .bail()
    .custom((ids: unknown[]) => new Set(ids).size === ids.length)
    .withMessage('Must not repeat an id'),
];

export const completionRules = [
  idParam(),
  dateParam('date', { written: true }),
  bodyEnum('status', COMPLETION_STATUSES, { optional: true }),
  bodyNumber('value', { min: 0, max: MAX_TARGET_VALUE, optional: true }),
  bodyString('note', { min: 0, max: 500, optional: true }),
];

export const deleteCompletionRules = [idParam(), dateParam()];

export const historyRules = [
  idParam(),
  queryLocalDate('from', { optional: true }),
  queryLocalDate('to', { optional: true }),
];

export const summaryRules = [...paginationQuery(), queryLocalDate('date', { optional: true })];

/**
 * express-validator reports a nested field's chain in the validated data even when its parent
 * was not sent (`{ target: { type: undefined } }`); this drops such empty objects again.
 */
export function withoutUnsentObjects<T extends object>(input: T): T {
  const copy = { ...input } as Record<string, unknown>;
  for (const key of ['schedule', 'target']) {
    const value = copy[key];
    if (
      isPlainObject(value) &&
      Object.values(value as object).every((item) => item === undefined)
    ) {
      delete copy[key];
    }
  }

  return copy as T;
}
