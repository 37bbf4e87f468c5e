import type { Request, RequestHandler } from 'express';
import {
  checkExact,
  matchedData,
  validationResult,
  type ContextRunner,
  type ValidationChain,
  type ValidationError,
} from 'express-validator';

import { validationFailed, type FieldError } from './errors';

function toFieldErrors(error: ValidationError): FieldError[] {
  switch (error.type) {
    case 'field':
      return [{ field: error.path, message: String(error.msg) }];
    case 'unknown_fields':
      return error.fields.map((field) => ({ field: field.path, message: 'Unknown field' }));
    case 'alternative':
      return error.nestedErrors.flatMap(toFieldErrors);
    case 'alternative_grouped':
      return error.nestedErrors.flat().flatMap(toFieldErrors);
  }
}

/**
 * Runs the chains, rejects fields that no chain names, and throws one 400 naming every bad field.
 * `locations` lists where unknown fields are refused.
 */
export function validate(
  chains: ValidationChain[],
  locations: Array<'body' | 'query' | 'params'> = ['body', 'query'],
): RequestHandler {
  const runner: ContextRunner = checkExact(chains, { locations });

  return async (req, _res, next) => {
    // checkExact runs the chains itself, then looks for fields none of them named.
    await runner.run(req);

    const result = validationResult(req);
    if (!result.isEmpty()) {
      const details = result.array().flatMap(toFieldErrors);
      throw validationFailed(dedupe(details));
    }

    next();
  };
}

function dedupe(details: FieldError[]): FieldError[] {
  const seen = new Set<string>();

  return details.filter((detail) => {
    const key = `${detail.field}\u0000${detail.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);

    return true;
  });
}

/** The validated and sanitised input of a request, typed by the caller. */
export function inputOf<T>(req: Request): T {
  return matchedData(req, { includeOptionals: false }) as T;
}
