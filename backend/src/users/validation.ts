import { passwordToCheck } from '../auth/validation';
import { bodyEnum, bodyString, bodyTimeZone } from '../lib/fields';
import { WEEK_STARTS, WEIGHT_UNITS } from './model';

export const updateProfileRules = [
  bodyString('name', { min: 0, max: 100, optional: true }),
  bodyTimeZone('timezone', { optional: true }),
  bodyEnum('weekStart', WEEK_STARTS, { optional: true }),
  bodyEnum('unit', WEIGHT_UNITS, { optional: true }),
];

export const deleteAccountRules = [passwordToCheck('Must be your password')];
