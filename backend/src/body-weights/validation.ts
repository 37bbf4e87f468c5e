import { bodyEnum, bodyNumber, dateParam, queryLocalDate, queryWholeNumber } from '../lib/fields';
import { WEIGHT_UNITS, hasAtMostTwoDecimals } from '../workouts/units';

export const MAX_BODY_WEIGHT = 1500;
export const MAX_ENTRIES = 1000;

export const listBodyWeightsRules = [
  queryLocalDate('from', { optional: true }),
  queryLocalDate('to', { optional: true }),
  queryWholeNumber('limit', { min: 1, max: MAX_ENTRIES }),
];

export const saveBodyWeightRules = [
  dateParam('date', { written: true }),
  bodyNumber('weight', { min: 1, max: MAX_BODY_WEIGHT })
    .bail()
    .custom(hasAtMostTwoDecimals)
    .withMessage('Must have at most two decimals'),
  bodyEnum('unit', WEIGHT_UNITS, { optional: true }),
];

export const bodyWeightDateRules = [dateParam()];
