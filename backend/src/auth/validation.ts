import { body, param } from 'express-validator';

import { bodyString, bodyTimeZone } from '../lib/fields';

// NIST SP 800-63B: at least 15 characters for a password used alone, and allow at least 64.
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

const email = () =>
  body('email')
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom((value: unknown) => typeof value === 'string')
    .withMessage('Must be a string')
    .bail()
    .trim()
    .isLength({ max: 254 })
    .withMessage('Must be at most 254 characters')
    .bail()
    .isEmail()
    .withMessage('Must be an email address')
    .bail()
    .toLowerCase();

// Length in code points of the normalised form, so an emoji counts as one character.
const passwordLength = (value: string) => [...value.normalize('NFKC')].length;

export const registerRules = [
  email(),
  body('password')
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom((value: unknown) => typeof value === 'string')
    .withMessage('Must be a string')
    .bail()
    .custom((value: string) => passwordLength(value) >= PASSWORD_MIN_LENGTH)
    .withMessage(`Must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .bail()
    .custom((value: string) => passwordLength(value) <= PASSWORD_MAX_LENGTH)
    .withMessage(`Must be at most ${PASSWORD_MAX_LENGTH} characters`),
  bodyString('name', { min: 0, max: 100, optional: true }),
  bodyTimeZone('timezone', { optional: true }),
];

export const loginRules = [
  email(),
  body('password')
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom(
      (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 1024,
    )
    .withMessage('Must be a non-empty string'),
];

export const sessionIdRule = param('id')
  .matches(/^[A-Za-z0-9_-]{22}$/)
  .withMessage('Must be a session id');
