import { body, param, query, type ValidationChain } from 'express-validator';

import { textLength } from './text-length';
import {
  EARLIEST_DATE,
  canonicalTimeZone,
  isLocalDate,
  isOnOrAfterEarliest,
  isTimeZone,
} from './time';

// express-validator applies standard validators to each element of an array, so a field sent as
// `["a","b"]` or as a repeated query key would pass `isString()`. Every chain starts with a type check.

const isPlainString = (value: unknown) => typeof value === 'string';

interface Presence {
  /** May be absent. */
  optional?: boolean;
  /** May be absent or null: both mean "not given". */
  nullable?: boolean;
}

/** A body field, required unless marked optional or nullable, that must not be null after that. */
function presentBodyField(field: string, { optional = false, nullable = false }: Presence) {
  const chain = body(field);
  if (optional || nullable) {
    chain.optional({ values: nullable ? 'null' : 'undefined' });
  }

  return chain.exists({ values: 'null' }).withMessage('Required').bail();
}

// With the `u` flag a surrogate pair reads as one code point, so `\p{Cs}` finds only lone halves.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether a string is well-formed Unicode. A lone surrogate (`"\ud800"` in JSON) cannot be stored:
 * the database driver writes UTF-8 and silently turns it into U+FFFD, so what was read back would
 * differ from what was acknowledged.
 */
export const isWellFormedText = (value: string) => !LONE_SURROGATE.test(value);

/**
 * A required or optional trimmed string in the body, of bounded length, without NUL characters or
 * lone surrogates. Lengths count code points (lib/text-length), as the models do.
 */
export function bodyString(
  field: string,
  { min = 1, max = 200, optional = false } = {},
): ValidationChain {
  const chain = body(field);
  if (optional) {
    chain.optional();
  }

  return chain
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom(isPlainString)
    .withMessage('Must be a string')
    .bail()
    .trim()
    .not()
    .contains('\u0000')
    .withMessage('Must not contain NUL characters')
    .bail()
    .custom(isWellFormedText)
    .withMessage('Must be valid Unicode text')
    .bail()
    .custom((value: string) => textLength(value) >= min && textLength(value) <= max)
    .withMessage(
      min > 0 ? `Must be ${min} to ${max} characters` : `Must be at most ${max} characters`,
    );
}

/** A number in the body within [min, max]; rejects strings, NaN and Infinity. */
export function bodyNumber(
  field: string,
  { min, max, integer = false, optional = false, nullable = false }: NumberRule,
): ValidationChain {
  return presentBodyField(field, { optional, nullable })
    .custom((value: unknown) => typeof value === 'number' && Number.isFinite(value))
    .withMessage('Must be a finite number')
    .bail()
    .custom((value: number) => !integer || Number.isInteger(value))
    .withMessage('Must be a whole number')
    .bail()
    .custom((value: number) => value >= min && value <= max)
    .withMessage(`Must be between ${min} and ${max}`);
}

interface NumberRule extends Presence {
  min: number;
  max: number;
  integer?: boolean;
}

export function bodyLocalDate(field: string, { optional = false } = {}): ValidationChain {
  const chain = body(field);
  if (optional) {
    chain.optional();
  }

  return chain
    .exists({ values: 'null' })
    .withMessage('Required')
    .bail()
    .custom(isLocalDate)
    .withMessage('Must be a date written YYYY-MM-DD')
    .bail()
    .custom(isOnOrAfterEarliest)
    .withMessage(NOT_BEFORE_EARLIEST);
}

const NOT_BEFORE_EARLIEST = `Must not be before ${EARLIEST_DATE}`;

export function bodyTimeZone(field: string, { optional = false } = {}): ValidationChain {
  const chain = body(field);
  if (optional) {
    chain.optional();
  }

  return chain
    .custom(isTimeZone)
    .withMessage('Must be an IANA time zone such as Europe/Paris')
    .bail()
    .customSanitizer(canonicalTimeZone);
}

export function bodyEnum(
  field: string,
  values: readonly string[],
  { optional = false } = {},
): ValidationChain {
  const chain = body(field);
  if (optional) {
    chain.optional();
  }

  return chain
    .custom((value: unknown) => typeof value === 'string' && values.includes(value))
    .withMessage(`Must be one of ${values.join(', ')}`);
}

export function idParam(field = 'id'): ValidationChain {
  return param(field).isMongoId().withMessage('Must be a valid id');
}

/** A date in the path; `written`: the day something is recorded on, so not before EARLIEST_DATE. */
export function dateParam(field = 'date', { written = false } = {}): ValidationChain {
  const chain = param(field)
    .custom(isLocalDate)
    .withMessage('Must be a date written YYYY-MM-DD')
    .bail();

  return written ? chain.custom(isOnOrAfterEarliest).withMessage(NOT_BEFORE_EARLIEST) : chain;
}

export function queryLocalDate(field: string, { optional = false } = {}): ValidationChain {
  const chain = query(field);
  if (optional) {
    chain.optional();
  }

  return chain.custom(isLocalDate).withMessage('Must be a date written YYYY-MM-DD (given once)');
}

/** Pagination: `limit` (1 to 100) and an opaque `cursor`. */
export function paginationQuery(): ValidationChain[] {
  return [
    query('limit')
      .optional()
      .custom(
        (value: unknown) =>
          typeof value === 'string' &&
          /^\d{1,3}$/.test(value) &&
          Number(value) >= 1 &&
          Number(value) <= 100,
      )
      .withMessage('Must be a whole number from 1 to 100 (given once)')
      .toInt(),
    query('cursor')
      .optional()
      .custom((value: unknown) => typeof value === 'string' && /^[a-f0-9]{24}$/.test(value))
      .withMessage('Must be a cursor returned by a previous page (given once)'),
  ];
}

/** A list in the body, of `min` to `max` items of one JSON type; the items get chains of their own. */
export function bodyList(
  field: string,
  { min = 1, max, items, optional = false }: ListRule,
): ValidationChain {
  return presentBodyField(field, { optional })
    .isArray({ min, max })
    .withMessage(`Must be a list of ${min} to ${max} items`)
    .bail()
    .custom((list: unknown[]) => list.every(ITEM_CHECKS[items]))
    .withMessage(`Each item must be ${items === 'object' ? 'an object' : 'a string'}`);
}

interface ListRule {
  min?: number;
  max: number;
  items: 'object' | 'string';
  optional?: boolean;
}

const ITEM_CHECKS = {
  object: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
  string: isPlainString,
};

/** `true` or `false` in the body (not "true", not 1). */
export function bodyBoolean(field: string, { optional = false } = {}): ValidationChain {
  const chain = body(field);
  if (optional) {
    chain.optional();
  }

  return chain.isBoolean({ strict: true }).withMessage('Must be true or false');
}

/** An optional query string given at most once, trimmed, of bounded length. */
export function queryString(field: string, { max = 100 } = {}): ValidationChain {
  return query(field)
    .optional()
    .custom((value: unknown) => typeof value === 'string' && value.length <= max)
    .withMessage(`Must be at most ${max} characters (given once)`)
    .trim();
}

/** An optional query value, given at most once, from a fixed list. */
export function queryEnum(field: string, values: readonly string[]): ValidationChain {
  return query(field)
    .optional()
    .custom((value: unknown) => typeof value === 'string' && values.includes(value))
    .withMessage(`Must be one of ${values.join(', ')} (given once)`);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether the text is a real instant: `Date.parse` alone rolls "2026-02-30T17:00Z" over to
 * 2 March, so the calendar date is checked too, and the offset kept within ±14:00.
 */
function isDateTime(value: string): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  const isOffsetReal = !offset || (Number(offset[2]) <= 14 && Number(offset[3]) < 60);
  const clock = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  const isClockReal =
    !!clock && Number(clock[1]) < 24 && Number(clock[2]) < 60 && Number(clock[3] ?? 0) < 60;

  return (
    DATE_TIME.test(value) &&
    isLocalDate(value.slice(0, 10)) &&
    isClockReal &&
    isOffsetReal &&
    !Number.isNaN(Date.parse(value))
  );
}

/** An instant written in ISO 8601 with its offset (`2026-03-14T18:05:00+01:00` or `…Z`). */
export function bodyDateTime(field: string, presence: Presence = {}): ValidationChain {
  return (
    presentBodyField(field, presence)
      .custom((value: unknown) => typeof value === 'string' && isDateTime(value))
      .withMessage('Must be a date and time with its offset, such as 2026-03-14T18:05:00+01:00')
      .bail()
      // Checked on the written day: the local day the service derives is checked again there.
      .custom((value: string) => isOnOrAfterEarliest(value.slice(0, 10)))
      .withMessage(NOT_BEFORE_EARLIEST)
  );
}

/** A database id in the body. */
export function bodyId(field: string, presence: Presence = {}): ValidationChain {
  return presentBodyField(field, presence)
    .custom((value: unknown) => typeof value === 'string' && /^[a-f0-9]{24}$/.test(value))
    .withMessage('Must be a valid id');
}

/** An optional whole number in the query, given at most once, from `min` to `max`. */
export function queryWholeNumber(field: string, { min, max }: { min: number; max: number }) {
  return query(field)
    .optional()
    .custom(
      (value: unknown) =>
        typeof value === 'string' &&
        /^\d{1,6}$/.test(value) &&
        Number(value) >= min &&
        Number(value) <= max,
    )
    .withMessage(`Must be a whole number from ${min} to ${max} (given once)`)
    .toInt();
}
