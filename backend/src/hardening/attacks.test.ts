import fc from 'fast-check';

import { OTHER_BODY_TYPES } from '../app';
import { describeCase, expectRefusal, send, slotChange } from '../test/attack';
import {
  bodyLimitBytes,
  prepare,
  resetRateLimits,
  sampledRoutes,
  RUNS,
  sampleOf,
  SEED,
  useServer,
} from '../test/hardening';
import {
  bodyCases,
  bodySlots,
  categoryOf,
  hostileArbitrary,
  isValidFor,
  paramCases,
  queryCases,
  requestCases,
  type AttackCase,
  type Slot,
} from '../test/hostile';
import type { FieldKind } from '../test/route-samples';
import type { AppRoute } from '../test/routes';
import { snapshotData } from '../test/snapshot';
import { useTestServices } from '../test/setup';
import { createTally } from '../test/tally';

useTestServices();
const server = useServer();
const tally = createTally('attacks');
const CONCURRENCY = 4;

afterAll(() => tally.save());

function slotsOf(route: AppRoute): { body: Slot[]; query: Slot[]; params: Slot[] } {
  const sample = sampleOf(route);
  const query = Object.entries(sample.queryFields ?? {}).map(([name, kind]): Slot => ({
    location: 'query',
    path: [name],
    field: name,
    kind,
  }));
  const params = Object.entries(sample.params ?? {}).map(([name, param]): Slot => ({
    location: 'params',
    path: [name],
    field: name,
    kind: { kind: param.kind },
  }));

  return { body: bodySlots(sample.body, sample.fields ?? {}, route.key), query, params };
}

function fixedCases(route: AppRoute): AttackCase[] {
  const sample = sampleOf(route);
  const slots = slotsOf(route);
  const firstText = slots.body.find((slot) => slot.kind.kind === 'text');
  // Under a mount that takes a body of any type (imports) there is no Content-Type to refuse.
  const takesAnyBody = Object.entries(OTHER_BODY_TYPES).some(
    ([mountPath, types]) => types === 'any' && route.path.startsWith(mountPath),
  );

  return [
    ...requestCases(sample.body !== undefined, firstText, bodyLimitBytes()).filter(
      // A file route's body is any file (the imports tests try bad ones); its query is spoiled.
      (attack) =>
        (sample.file === undefined || attack.change.type === 'query') &&
        !(takesAnyBody && attack.category === 'body format'),
    ),
    ...slots.body.flatMap((slot, index) => {
      const isFirstOfKind =
        slots.body.findIndex((other) => other.kind.kind === slot.kind.kind) === index;

      return bodyCases(slot, isFirstOfKind ? 'all' : 'some', index === 0);
    }),
    ...slots.query.flatMap((slot) => queryCases(slot, sample.query?.[slot.field])),
    ...slots.params.flatMap(paramCases),
  ];
}

/** A query or path value is text: valid when the kind's rules accept the text as sent. */
function isValidText(kind: FieldKind, text: string): boolean {
  if (kind.kind === 'number') {
    return /^\d+$/.test(text) && isValidFor(kind, Number(text));
  }

  return isValidFor(kind, text);
}

/** Text for a query or path value; search text is any text, so only an over-long one is wrong. */
function textOutside(slot: Slot): fc.Arbitrary<string> {
  if (slot.kind.kind === 'search') {
    const { max } = slot.kind;

    return fc
      .string({ minLength: max + 1, maxLength: max + 20 })
      .filter((text) => text.trim().length > max);
  }

  return fc.string({ unit: 'binary', maxLength: 40 });
}

function generatedCase(slots: Slot[]): fc.Arbitrary<AttackCase> {
  return fc.constantFrom(...slots).chain((slot) => {
    const values: fc.Arbitrary<unknown> =
      slot.location === 'body'
        ? hostileArbitrary(slot.kind)
        : fc.oneof(
            textOutside(slot)
              .filter((text) => !isValidText(slot.kind, text) && text !== '.' && text !== '..')
              .filter((text) => slot.location === 'query' || text !== ''),
            ...(slot.location === 'query'
              ? [fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 })]
              : []),
          );

    return values.map((value): AttackCase => ({
      category:
        slot.location === 'body'
          ? categoryOf(slot.kind, value)
          : Array.isArray(value)
            ? 'query shape'
            : slot.kind.kind === 'date'
              ? 'dates and time zones'
              : slot.location === 'params'
                ? 'object ids'
                : 'strings',
      label: `generated ${slot.field} = ${JSON.stringify(value)?.slice(0, 80)}`,
      change: slotChange(slot, value),
      expected: { status: 400, code: 'VALIDATION_FAILED', field: slot.field },
    }));
  });
}

describe.each(sampledRoutes.map((route) => [route.key, route] as const))('%s', (_key, route) => {
  it('answers every hostile input with a 4xx naming it, never a 5xx, and stores nothing', async () => {
    const context = await prepare(server(), route);
    const before = await snapshotData();

    let sent = 0;
    const attack = async (attackCase: AttackCase) => {
      sent += 1;
      if (sent % 40 === 0) {
        await resetRateLimits();
      }
      const res = await send(route, sampleOf(route), context, attackCase.change);
      tally.count(attackCase.category, res.status);
      expectRefusal(route, describeCase(attackCase), attackCase.expected, res);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    };
    // A few at a time: the cases are independent, and waiting on each alone is slow.
    const cases = fixedCases(route);
    for (let start = 0; start < cases.length; start += CONCURRENCY) {
      await Promise.all(cases.slice(start, start + CONCURRENCY).map(attack));
    }
    const { body, query, params } = slotsOf(route);
    const slots = [...body, ...query, ...params];
    if (slots.length > 0) {
      await fc.assert(fc.asyncProperty(generatedCase(slots), attack), {
        numRuns: RUNS,
        seed: SEED,
      });
    }

    expect(await snapshotData()).toEqual(before);
  });
});
