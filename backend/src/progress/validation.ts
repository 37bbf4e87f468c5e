import { queryLocalDate, queryWholeNumber } from '../lib/fields';

export const MAX_WEEKS = 104;

export const progressRules = [
  queryWholeNumber('weeks', { min: 1, max: MAX_WEEKS }),
  queryLocalDate('to', { optional: true }),
];
