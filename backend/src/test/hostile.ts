// Hostile inputs for the attack suite: for each kind of input, values that must be refused, as
// fixed cases (every category always tried) and as fast-check arbitraries (new ones every run).
import fc from 'fast-check';
import { Types } from 'mongoose';

import { isWellFormedText } from '../lib/fields';
import { textLength } from '../lib/text-length';
import { isLocalDate, isTimeZone } from '../lib/time';
import { fieldPath } from '../lib/validate';
import type { FieldKind } from './route-samples';

export const CATEGORIES = [
  'operators',
  'prototype keys',
  'body size',
  'deep nesting',
  'object ids',
  'wrong types',
  'numbers out of range',
  'NaN and Infinity',
  'dates and time zones',
  'strings',
  'query shape',
  'body format',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** One input of a route: a body field, a query parameter or a path parameter. */
export interface Slot {
  location: 'body' | 'query' | 'params';
  path: Array<string | number>;
  /** The name the API gives it in `details[].field`. */
  field: string;
  kind: FieldKind;
}

export interface Expected {
  status: number;
  code: string;
  /** A field the answer must name (itself, a part of it, or what contains it). */
  field?: string;
}

/** A change to an otherwise valid request. */
export type Change =
  | { type: 'value'; slot: Slot; value: unknown }
  /** JSON text put where the slot's value goes (NaN, Infinity, `__proto__`, deep nesting). */
  | { type: 'raw'; slot: Slot; text: string }
  /** The whole body as text, sent with these headers when given (a Content-Type, an encoding). */
  | { type: 'body'; text: string; headers?: Record<string, string> }
  /** A key added to the body at the top level, as JSON text. */
  | { type: 'extra'; key: string; text: string }
  /** Query text appended as it is (`limit=1&limit=2`, `limit[$gt]=`). */
  | { type: 'query'; text: string; replaces?: string }
  /** A path parameter's text, put into the URL as it is. */
  | { type: 'path'; slot: Slot; text: string };

export interface AttackCase {
  category: Category;
  label: string;
  change: Change;
  expected: Expected;
}

const refused = (field?: string): Expected => ({ status: 400, code: 'VALIDATION_FAILED', field });

const OPERATOR_OBJECTS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(2000) || true' },
  { $regex: '.*', $options: 'i' },
  { $in: ['a', 1] },
  { $expr: { $eq: [1, 1] } },
  [{ $gt: '' }],
];

const NUMBERS_FOR_ANY = [-1e308, 1e308, 2 ** 53 + 1];

const INVALID_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-00-00',
  '2026-1-1',
  '20260101',
  '2026-01-01T00:00:00Z',
  ' 2026-01-01',
  '２０２６-01-01',
  '2026/01/01',
  '',
];

const INVALID_TIME_ZONES = [
  'Mars/Olympus',
  '',
  'UTC\u0000',
  '../../../etc/passwd',
  'Europe/Paris ',
  '+05:30',
  'Etc/GMT+14',
  'x'.repeat(300),
];

const INVALID_IDS = [
  'x',
  '123',
  'g'.repeat(24),
  'a'.repeat(23),
  'a'.repeat(25),
  '{"$gt":""}',
  '[object Object]',
  '0x507f1f77bcf86cd79943901',
  '507f1f77bcf86cd79943901\u0000',
  '٥٠٧f1f77bcf86cd799439011',
  '💪'.repeat(12),
  'x'.repeat(2000),
];

const INVALID_SESSION_IDS = ['x', 'a'.repeat(21), 'a'.repeat(23), '!'.repeat(22), '{"$gt":""}'];

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a value is acceptable for the kind, as the API's rules say. */
export function isValidFor(kind: FieldKind, value: unknown): boolean {
  if (value === null && kind.nullable) {
    return true;
  }
  switch (kind.kind) {
    case 'text': {
      if (typeof value !== 'string') {
        return false;
      }
      const trimmed = value.trim();

      return (
        !trimmed.includes('\u0000') &&
        isWellFormedText(trimmed) &&
        textLength(trimmed) >= kind.min &&
        textLength(trimmed) <= kind.max
      );
    }
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= kind.min &&
        value <= kind.max &&
        (!kind.integer || Number.isInteger(value))
      );
    case 'date':
      return isLocalDate(value);
    case 'timezone':
      return isTimeZone(value);
    case 'color':
      return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value);
    case 'time':
      return (
        value === null || (typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value))
      );
    case 'search':
      return typeof value === 'string' && value.trim().length <= kind.max;
    case 'datetime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'pattern':
      return typeof value === 'string' && kind.pattern.test(value);
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value);
    case 'id':
      return typeof value === 'string' && /^[a-f0-9]{24}$/i.test(value);
    case 'sessionId':
      return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
    case 'boolean':
      return typeof value === 'boolean';
    // Checked by type only; anything of the right type may still be refused for its content.
    case 'email':
    case 'password':
      return typeof value === 'string';
    case 'list':
      return Array.isArray(value) && value.length >= (kind.min ?? 1) && value.length <= kind.max;
    case 'object':
      return (
        kind.mayBeEmpty === true &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 0
      );
  }
}

/** Values of the wrong JSON type for the kind. */
function wrongTypes(kind: FieldKind): unknown[] {
  const all: unknown[] = [42, -1, 0.5, true, false, null, 'text', '', [], ['a', 'b'], {}, { a: 1 }];

  const isRightType: Partial<Record<FieldKind['kind'], (value: unknown) => boolean>> = {
    number: (value) => typeof value === 'number',
    boolean: (value) => typeof value === 'boolean',
    list: (value) =>
      Array.isArray(value) && value.length >= (kind.kind === 'list' ? (kind.min ?? 1) : 1),
    object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  };
  const isText = (value: unknown) => typeof value === 'string';
  const rightType =
    isRightType[kind.kind] ??
    (kind.kind === 'time' ? (value: unknown) => value === null || isText(value) : isText);

  return all.filter((value) => !rightType(value) && !(value === null && kind.nullable));
}

/** Strings that are wrong for the kind: empty, blank, too long, NUL, lone surrogates. */
function badStrings(kind: FieldKind): string[] {
  switch (kind.kind) {
    case 'text':
      return [
        ...(kind.min > 0 ? ['', '   \t\n'] : []),
        'x'.repeat(kind.max + 1),
        'é'.repeat(kind.max + 1),
        // Lengths count code points: one past the limit, twice as many UTF-16 units.
        '💪'.repeat(kind.max + 1),
        'x'.repeat(100_000),
        'a\u0000b',
        'before\ud800after',
        '\udc00',
        'a\udbff',
      ];
    case 'email':
      return [
        '',
        'not-an-email',
        'a@',
        '@example.test',
        'a\u0000@example.test',
        `${'a'.repeat(250)}@example.test`,
        '\u202egro.elpmaxe@a',
        'a@example.test\r\nBcc: b@example.test',
      ];
    case 'password':
      return [
        '',
        'x'.repeat(kind.max + 1),
        ...(kind.strict
          ? [
              'too short',
              '🐶'.repeat(14),
              'correct horse battery staple',
              'Password123456789!',
              'aaaaaaaaaaaaaaaaaaaa',
              'abcdefghijklmnopqrs',
              'valid words here\u0000',
              'lone surrogate here \ud800',
            ]
          : []),
      ];
    case 'color':
      return ['red', '#fff', '#GGGGGG', '#1234567', '', 'javascript:alert(1)'];
    case 'time':
      return ['24:00', '7:30', '12:60', '', 'noon', '12:30:00', '１２:３０', '-1:00'];
    case 'search':
      return ['x'.repeat(kind.max + 1)];
    case 'datetime':
      return [
        '2026-03-14',
        '2026-03-14T17:00:00',
        '2026-02-30T17:00:00Z',
        '2026-03-14T25:00:00Z',
        'yesterday',
        '',
        '2026-03-14T17:00:00+24:00',
      ];
    case 'pattern':
      return ['', 'short', 'x'.repeat(65), 'has spaces in it', 'ü'.repeat(10), '../../etc/passwd'];
    case 'enum':
      return ['', 'not-a-value', kind.values[0]?.toUpperCase() ?? 'X'];
    case 'id':
      return INVALID_IDS;
    case 'sessionId':
      return INVALID_SESSION_IDS;
    case 'date':
    case 'timezone':
    case 'number':
    case 'boolean':
    case 'list':
    case 'object':
      return [];
  }
}

function outOfRange(kind: FieldKind): number[] {
  if (kind.kind !== 'number') {
    return [];
  }

  return [
    kind.min - 1,
    kind.max + 1,
    kind.max + 0.001,
    ...NUMBERS_FOR_ANY,
    ...(kind.integer ? [kind.min + 0.5] : []),
  ].filter((value) => !isValidFor(kind, value));
}

function datesFor(kind: FieldKind): string[] {
  if (kind.kind === 'date') {
    return INVALID_DATES;
  }
  if (kind.kind === 'timezone') {
    return INVALID_TIME_ZONES;
  }

  return [];
}

/** Raw JSON text that nests `depth` levels under the slot. */
function nested(depth: number, open: string, close: string, inner = ''): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

/**
 * How many of a kind's fixed values a field gets: `all` for the route's first field of each kind
 * and for the first field of the body, `some` for the others (the generated cases vary them).
 */
export type Depth = 'all' | 'some';

/** Picks every value, or a spread of `count` of them. */
function pick<T>(values: T[], depth: Depth, count: number): T[] {
  if (depth === 'all' || values.length <= count) {
    return values;
  }
  const step = values.length / count;

  return Array.from({ length: count }, (_, index) => values[Math.floor(index * step)] as T);
}

/** Fixed hostile values for a body field. */
export function bodyCases(slot: Slot, depth: Depth, isFirst: boolean): AttackCase[] {
  const { kind, field } = slot;
  const cases: AttackCase[] = [];
  const add = (category: Category, label: string, change: Change, expected = refused(field)) =>
    cases.push({ category, label: `${field}: ${label}`, change, expected });
  const value = (category: Category, item: unknown, label = JSON.stringify(item).slice(0, 60)) =>
    add(category, label, { type: 'value', slot, value: item });
  const isContainer = kind.kind === 'list' || kind.kind === 'object';

  for (const operator of pick(OPERATOR_OBJECTS, depth, 1)) {
    value('operators', operator);
  }
  for (const wrong of pick(wrongTypes(kind), depth, 2)) {
    value('wrong types', wrong);
  }
  for (const number of pick(outOfRange(kind), depth, 1)) {
    value('numbers out of range', number);
  }
  for (const text of pick(datesFor(kind), depth, 2)) {
    value('dates and time zones', text);
  }
  for (const text of pick(badStrings(kind), depth, 2)) {
    value('strings', text, `${JSON.stringify(text.slice(0, 30))} (${textLength(text)} characters)`);
  }
  // Bare NaN and Infinity are not JSON; the API reads them as a marker every rule refuses, so
  // the 400 names the field. Other non-JSON tokens are malformed JSON. 1e999 parses (Infinity).
  if (isFirst) {
    for (const text of ['NaN', 'Infinity', '-Infinity']) {
      add('NaN and Infinity', text, { type: 'raw', slot, text });
    }
    for (const text of ['undefined', "'single'"]) {
      add(
        'NaN and Infinity',
        text,
        { type: 'raw', slot, text },
        { status: 400, code: 'INVALID_JSON' },
      );
    }
  }
  for (const text of isContainer ? [] : pick(['1e999', '-1e999'], depth, 1)) {
    add('NaN and Infinity', text, { type: 'raw', slot, text });
  }
  const prototypes = [
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"prototype":{"polluted":true}}',
    '{"__proto__":"x","toString":"x"}',
  ];
  for (const text of pick(prototypes, depth, 1)) {
    add('prototype keys', text, { type: 'raw', slot, text });
  }
  if (depth === 'all') {
    add('deep nesting', 'arrays 5,000 deep', { type: 'raw', slot, text: nested(5000, '[', ']') });
  }
  if (isFirst) {
    add('deep nesting', 'objects 200 deep', {
      type: 'raw',
      slot,
      text: nested(200, '{"a":', '}', '1'),
    });
  }

  return cases;
}

/**
 * Percent-encodes any text for a URL, lone surrogates included (encodeURIComponent throws on
 * them): each goes as the three bytes a careless client would send.
 */
export function percentEncode(text: string): string {
  return [...text]
    .map((char) => {
      const unit = char.charCodeAt(0);
      if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      }

      return encodeURIComponent(char);
    })
    .join('');
}

/** Fixed hostile values for a query parameter. */
export function queryCases(slot: Slot, valid: string | undefined): AttackCase[] {
  const { field, kind } = slot;
  const sample = valid ?? '1';
  const cases: AttackCase[] = [];
  const add = (category: Category, text: string, expectedField = field) =>
    cases.push({
      category,
      label: `?${text.slice(0, 60)}`,
      change: { type: 'query', text, replaces: field },
      expected: refused(expectedField),
    });

  add('query shape', `${field}=${sample}&${field}=${sample}`);
  add('query shape', `${field}=${sample}&${field}=`);
  add('query shape', `${field}[]=${sample}`, `${field}[]`);
  add('query shape', `${field}[a]=${sample}`, `${field}[a]`);
  add('operators', `${field}[$gt]=`, `${field}[$gt]`);
  add('operators', `${field}[$ne]=${sample}`, `${field}[$ne]`);
  if (kind.kind !== 'search') {
    // Search text is any text: this one is a search for it, not an operator.
    add('operators', `${field}=${encodeURIComponent('{"$gt":""}')}`);
  }
  add('prototype keys', `${field}[__proto__][polluted]=1`, `${field}[__proto__][polluted]`);
  const strings =
    kind.kind === 'number'
      ? [
          'abc',
          String(kind.min - 1),
          String(kind.max + 1),
          '1e2',
          '-1',
          '1.5',
          '',
          ' 1',
          '0x10',
          'Infinity',
          'NaN',
          '9'.repeat(400),
        ]
      : [...badStrings(kind), ...datesFor(kind)].filter((text) => text.length < 3000);
  for (const text of strings) {
    add(
      kind.kind === 'date' ? 'dates and time zones' : 'strings',
      `${field}=${percentEncode(text)}`,
    );
  }

  return cases;
}

/** Fixed hostile values for a path parameter, and a valid id that belongs to no one here. */
export function paramCases(slot: Slot): AttackCase[] {
  const { field, kind } = slot;
  const cases: AttackCase[] = [];
  const texts = kind.kind === 'date' ? INVALID_DATES.filter(Boolean) : badStrings(kind);
  const category: Category = kind.kind === 'date' ? 'dates and time zones' : 'object ids';
  for (const text of texts) {
    cases.push({
      category,
      label: `:${field} = ${JSON.stringify(text.slice(0, 40))}`,
      change: { type: 'path', slot, text: percentEncode(text) },
      expected: refused(field),
    });
  }
  cases.push({
    category,
    label: `:${field} with broken percent-encoding`,
    change: { type: 'path', slot, text: '%E0%A4%A' },
    expected: { status: 400, code: 'BAD_REQUEST' },
  });
  if (kind.kind === 'id' || kind.kind === 'sessionId') {
    const foreign =
      kind.kind === 'id' ? new Types.ObjectId().toHexString() : 'AAAAAAAAAAAAAAAAAAAAAA';
    cases.push({
      category: 'object ids',
      label: `:${field} of no item of this user`,
      change: { type: 'path', slot, text: foreign },
      expected: { status: 404, code: 'NOT_FOUND' },
    });
  }

  return cases;
}

/** Hostile changes to the request as a whole. */
export function requestCases(
  hasBody: boolean,
  firstText: Slot | undefined,
  bodyLimitBytes: number,
): AttackCase[] {
  const big = 'x'.repeat(bodyLimitBytes + 1024);
  const extra = (category: Category, key: string, text: string): AttackCase => ({
    category,
    label: `a top-level ${key}`,
    change: { type: 'extra', key, text },
    expected: refused(key),
  });
  const query = (category: Category, text: string, field: string): AttackCase => ({
    category,
    label: `?${text}`,
    change: { type: 'query', text },
    expected: refused(field),
  });
  const body = (category: Category, label: string, text: string, expected: Expected) => ({
    category,
    label,
    change: { type: 'body', text } as const,
    expected,
  });
  const invalidJson = { status: 400, code: 'INVALID_JSON' };
  const unsupported = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
  const withHeaders = (label: string, headers: Record<string, string>, text: string) => ({
    category: 'body format' as const,
    label,
    change: { type: 'body', text, headers } as const,
    expected: unsupported,
  });

  return [
    {
      category: 'body size',
      label: 'a body over the size limit',
      change: firstText
        ? { type: 'value', slot: firstText, value: big }
        : { type: 'extra', key: 'padding', text: JSON.stringify(big) },
      expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    },
    extra('operators', '$where', '"sleep(2000) || true"'),
    extra('operators', '$or', '[{"userId":{"$ne":null}}]'),
    extra('prototype keys', '__proto__', '{"polluted":true}'),
    extra('prototype keys', 'constructor', '{"prototype":{"polluted":true}}'),
    query('prototype keys', '__proto__[polluted]=1', '__proto__[polluted]'),
    query('prototype keys', 'constructor=x', 'constructor'),
    query('operators', '$where=1', '$where'),
    query('query shape', 'email[$gt]=', 'email[$gt]'),
    body('NaN and Infinity', 'the body NaN', 'NaN', refused()),
    body('wrong types', 'the body "text"', '"text"', invalidJson),
    body('deep nesting', 'a body of arrays 100,000 deep', nested(100_000, '[', ']'), refused()),
    ...(hasBody ? [body('wrong types', 'the body as a list', '[{"name":"x"}]', refused())] : []),
    withHeaders('a text/plain body', { 'content-type': 'text/plain' }, '{"name":"x"}'),
    withHeaders('a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=x'),
    ...['gzip', 'deflate', 'br'].map((encoding) =>
      withHeaders(`a corrupt ${encoding} body`, { 'content-encoding': encoding }, '\u0001garbage'),
    ),
  ];
}

const operatorArbitrary: fc.Arbitrary<unknown> = fc.dictionary(
  fc.constantFrom('$gt', '$gte', '$ne', '$in', '$nin', '$where', '$regex', '$expr', '$function'),
  fc.jsonValue({ maxDepth: 2 }),
  { minKeys: 1, maxKeys: 3 },
);

/** A generated value that the kind must refuse. */
export function hostileArbitrary(kind: FieldKind): fc.Arbitrary<unknown> {
  const wrong = fc.jsonValue({ maxDepth: 3 }).filter((value) => !isValidFor(kind, value));
  const options: Array<fc.Arbitrary<unknown>> = [operatorArbitrary, wrong];
  if (kind.kind === 'number') {
    options.push(
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !isValidFor(kind, n)),
    );
  }
  if (kind.kind === 'text') {
    const withNul = fc
      .tuple(fc.string(), fc.string())
      .map(([before, after]) => `${before}\u0000${after}`);
    const loneSurrogate = fc
      .tuple(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string())
      .map(([before, unit, after]) => `${before}x${String.fromCharCode(unit)}${after}`);
    const tooLong = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
      // Lengths count code points: the unit holds at least one.
      .map((unit) => unit.repeat(Math.ceil((kind.max + 1) / textLength(unit)) + 1))
      // Whitespace is trimmed before the length is counted: spaces alone are an empty text.
      .filter((text) => !isValidFor(kind, text));
    options.push(withNul, loneSurrogate, tooLong);
  }
  if (kind.kind === 'date') {
    options.push(fc.string({ maxLength: 12 }).filter((text) => !isLocalDate(text)));
    options.push(
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        )
        .filter((text) => !isLocalDate(text)),
    );
  }
  if (kind.kind === 'timezone') {
    options.push(fc.string({ maxLength: 40 }).filter((text) => !isTimeZone(text)));
  }

  return fc.oneof(...options);
}

/** The category a generated value falls in, for the report. */
export function categoryOf(kind: FieldKind, value: unknown): Category {
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).some((key) => key.startsWith('$'))
  ) {
    return 'operators';
  }
  if (typeof value === 'number') {
    return 'numbers out of range';
  }
  if (typeof value === 'string') {
    return kind.kind === 'date' || kind.kind === 'timezone' ? 'dates and time zones' : 'strings';
  }

  return 'wrong types';
}

/** The body fields of a sample, each with its kind; throws naming a field that has none. */
export function bodySlots(
  body: Record<string, unknown> | undefined,
  kinds: Record<string, FieldKind>,
  route: string,
): Slot[] {
  const slots: Slot[] = [];
  const visit = (value: unknown, path: Array<string | number>) => {
    if (path.length > 0) {
      const pattern = path.map((key) => (typeof key === 'number' ? '*' : key)).join('.');
      const kind = kinds[pattern];
      if (!kind) {
        throw new Error(`${route}: body field "${pattern}" has no kind in ROUTE_SAMPLES`);
      }
      slots.push({ location: 'body', path, field: fieldPath(path), kind });
    }
    // The first item of a list stands for all of them: the rules are the same for each.
    if (Array.isArray(value)) {
      if (value.length > 0) {
        visit(value[0], [...path, 0]);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        visit(item, [...path, key]);
      }
    }
  };
  visit(body ?? {}, []);

  return slots;
}
