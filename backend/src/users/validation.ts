import { body } from 'express-validator';

import { bodyEnum, bodyString, bodyTimeZone } from '../lib/fields';
import { WEEK_STARTS, WEIGHT_UNITS } from './model';

export const updateProfileRules = [
  bodyString('name', { min: 0, max: 100, optional: true }),
  bodyTimeZone('timezone', { optional: true }),
  bodyEnum('weekStart', WEEK_STARTS, { optional: true }),
  bodyEnum('unit', WEIGHT_UNITS, { optional: true }),
];

export const deleteAccountRules = [
  body('password')
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom(
      (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 1024,
    )
    .withMessage('Must be your password'),
];
