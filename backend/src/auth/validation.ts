import { body, param } from 'express-validator';

import { bodyString, bodyTimeZone } from '../lib/fields';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
  passwordProblem,
} from './password-policy';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

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
    .withMessage(`Must be at most ${PASSWORD_MAX_LENGTH} characters`)
    .bail()
    .custom((value: string, { req }) => {
      const email = (req.body as { email?: unknown } | undefined)?.email;
      const problem = passwordProblem(value, { email: typeof email === 'string' ? email : '' });
      if (problem) {
        throw new Error(problem);
      }

      return true;
    }),
  bodyString('name', { min: 0, max: 100, optional: true }),
  bodyTimeZone('timezone', { optional: true }),
];

/**
 * A password given to be checked against the stored hash (a login, a confirmation): any
 * non-empty text up to 1024 characters; the password rules apply only when one is chosen.
 */
export const passwordToCheck = (message: string) =>
  body('password')
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom(
      (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 1024,
    )
    .withMessage(message);

export const loginRules = [email(), passwordToCheck('Must be a non-empty string')];

export const sessionIdRule = param('id')
  .matches(/^[A-Za-z0-9_-]{22}$/)
  .withMessage('Must be a session id');
