import type { Request, RequestHandler } from 'express';
import {
  check,
  checkExact,
  matchedData,
  validationResult,
  type ContextRunner,
  type ValidationChain,
  type ValidationError,
} from 'express-validator';

import { validationFailed, withoutRepeats, type FieldError } from './errors';

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

interface ValidateOptions {
  /**
   * Chains on a list or object as a whole (its length, its item types). They are kept out of the
   * unknown-field check, which would otherwise treat every field inside them as known.
   */
  containers?: ValidationChain[];
  /** Where unknown fields are refused. */
  locations?: Array<'body' | 'query' | 'params'>;
}

const NO_FIELD = '\u0000no field';

/** Deeper than any input we accept; bounds the work of every later walk over the input. */
export const MAX_INPUT_DEPTH = 16;

// express-validator looks field names up in a plain object, so a key that Object.prototype already
// has (`constructor`, `toString`, `__proto__`) passes its unknown-field check. No field of ours
// has such a name, so they are refused here, at any depth.
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

function segment(key: string | number, isFirst: boolean): string {
  if (typeof key === 'number') {
    return `[${key}]`;
  }
  if (/^[A-Za-z_$][\w$]*$/.test(key)) {
    return isFirst ? key : `.${key}`;
  }

  return `[${JSON.stringify(key)}]`;
}

/** A path as express-validator writes field names: `exercises[0].sets[1].reps`, `["a.b"]`. */
export function fieldPath(path: Array<string | number>): string {
  return path.map((key, index) => segment(key, index === 0)).join('');
}

/**
 * Finds reserved keys and nesting beyond MAX_INPUT_DEPTH, without recursion. `isFlat`: top-level
 * keys are names as sent (a query string's `a[b]`), reported as they are.
 */
export function findHostileKeys(input: unknown, { isFlat = false } = {}): FieldError[] {
  const problems: FieldError[] = [];
  const nameOf = (path: Array<string | number>) =>
    isFlat && typeof path[0] === 'string'
      ? `${path[0]}${path
          .slice(1)
          .map((key) => segment(key, false))
          .join('')}`
      : fieldPath(path);
  const pending: Array<{ value: unknown; path: Array<string | number> }> = [
    { value: input, path: [] },
  ];
  while (pending.length > 0 && problems.length < 20) {
    const { value, path } = pending.pop() as { value: unknown; path: Array<string | number> };
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (path.length >= MAX_INPUT_DEPTH) {
      problems.push({ field: nameOf(path), message: 'Nested too deeply' });
      continue;
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      // A query key arrives whole (`a[__proto__][b]`) and is read as a path later on.
      if (typeof key === 'string' && key.split(/[[\].]/).some((part) => RESERVED_KEYS.has(part))) {
        problems.push({ field: nameOf([...path, key]), message: 'Reserved name' });
        continue;
      }
      pending.push({ value: item, path: [...path, key] });
    }
  }

  return problems;
}

/** Runs the chains, rejects fields that no chain names, and throws one 400 naming every bad field. */
export function validate(
  chains: ValidationChain[],
  { containers = [], locations = ['body', 'query'] }: ValidateOptions = {},
): RequestHandler {
  // checkExact looks for unknown fields only in locations that some chain reads, so a route with
  // body rules alone would take any query string. A chain per location that refuses a name no
  // one sends puts every location under the check.
  const everywhere = locations.map((location) =>
    check(NO_FIELD, [location])
      .optional()
      .custom(() => false)
      .withMessage('Unknown field'),
  );
  const runner: ContextRunner = checkExact([...chains, ...everywhere], { locations });

  return async (req, _res, next) => {
    const hostile = [...findHostileKeys(req.body), ...findHostileKeys(req.query, { isFlat: true })];
    if (hostile.length > 0) {
      throw validationFailed(hostile);
    }

    const nulls = nullContainers([...chains, ...containers], req);
    if (nulls.length > 0) {
      throw validationFailed(nulls);
    }
    // Lists first, on a copy of the request, so that a list far too long is refused before a chain
    // runs on each of its items (10,000 sets took seconds to check one by one).
    const listErrors = await runAlone(containers, req);
    if (listErrors.length > 0) {
      throw validationFailed(listErrors);
    }

    // checkExact runs the chains itself, then looks for fields that no chain run so far on this
    // request has named; so the container chains run after it.
    await runner.run(req);
    for (const container of containers) {
      await container.run(req);
    }

    const result = validationResult(req);
    if (!result.isEmpty()) {
      const details = result.array().flatMap(toFieldErrors);
      throw validationFailed(details);
    }

    next();
  };
}

/**
 * express-validator 7.3's unknown-field check throws a TypeError (so a 500) on a null where chains
 * name fields inside it, such as `{"exercises": null}` with a chain on `exercises.*.name`. Such
 * a null is refused first, as a 400 naming the field.
 */
function nullContainers(chains: ValidationChain[], req: Request): FieldError[] {
  const errors: FieldError[] = [];
  for (const chain of chains) {
    const context = chain.builder.build();
    if (!context.locations.includes('body')) {
      continue;
    }
    for (const field of context.fields) {
      findNulls(req.body, field.split('.').slice(0, -1), '', errors);
    }
  }

  return withoutRepeats(errors);
}

function findNulls(value: unknown, segments: string[], path: string, errors: FieldError[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || typeof value !== 'object' || value === null) {
    return;
  }
  const children: Array<[string, unknown]> =
    head === '*'
      ? Object.entries(value).map(([key, child]) => [
          Array.isArray(value) ? `${path}[${key}]` : joinPath(path, key),
          child,
        ])
      : [[joinPath(path, head), (value as Record<string, unknown>)[head]]];
  for (const [childPath, child] of children) {
    if (child === null) {
      errors.push({ field: childPath, message: 'Must not be null' });
    } else {
      findNulls(child, rest, childPath, errors);
    }
  }
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

async function runAlone(chains: ValidationChain[], req: Request): Promise<FieldError[]> {
  if (chains.length === 0) {
    return [];
  }
  const copy = { body: req.body as unknown, query: req.query, params: req.params };
  for (const chain of chains) {
    await chain.run(copy);
  }

  return validationResult(copy).array().flatMap(toFieldErrors);
}

/** The validated and sanitised input of a request, typed by the caller. */
export function inputOf<T>(req: Request): T {
  return matchedData(req, { includeOptionals: false }) as T;
}
