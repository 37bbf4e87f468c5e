import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { computePlates, DEFAULT_SETUPS } from './plates';
import { extendRest, remainingSeconds } from './restTimer';

const kg = DEFAULT_SETUPS.kg;

describe('computePlates', () => {
  it.each([
    [
      62.5,
      [
        { weight: 20, count: 1 },
        { weight: 1.25, count: 1 },
      ],
    ],
    [
      100,
      [
        { weight: 25, count: 1 },
        { weight: 15, count: 1 },
      ],
    ],
    [
      140,
      [
        { weight: 25, count: 2 },
        { weight: 10, count: 1 },
      ],
    ],
    [20, []],
  ])('loads %p kg on a 20 kg bar as %j per side', (target, perSide) => {
    expect(computePlates(target, kg)).toEqual({
      perSide,
      total: target,
      shortBy: 0,
      isBelowBar: false,
    });
  });

  it('loads 225 lb as two 45s per side on a 45 lb bar', () => {
    expect(computePlates(225, DEFAULT_SETUPS.lb).perSide).toEqual([{ weight: 45, count: 2 }]);
  });

  it('finds an exact load that heaviest-first would miss', () => {
    const stock = [
      { weight: 15, pairs: 1 },
      { weight: 10, pairs: 2 },
    ];

    expect(computePlates(60, { barWeight: 20, stock }).perSide).toEqual([{ weight: 10, count: 2 }]);
  });

  it('comes as close as it can from below, and says what is missing', () => {
    expect(computePlates(63, kg)).toMatchObject({ total: 62.5, shortBy: 0.5 });
    expect(computePlates(1000, kg)).toMatchObject({ total: 20 + 2 * 247.5, shortBy: 485 });
    expect(computePlates(15, kg)).toEqual({ perSide: [], total: 20, shortBy: 0, isBelowBar: true });
  });

  it('never goes over the target, never uses plates it lacks, and hits every 2.5 kg step', () => {
    const stock = fc.array(
      fc.record({
        weight: fc.constantFrom(25, 20, 15, 10, 5, 2.5, 1.25, 0.5),
        pairs: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12_000 }).map((value) => value / 40),
        stock,
        (target, plates) => {
          const load = computePlates(target, { barWeight: 20, stock: plates });
          const side = load.perSide.reduce((total, plate) => total + plate.weight * plate.count, 0);
          expect(load.total).toBeLessThanOrEqual(Math.max(target, 20) + 1e-9);
          expect(load.total).toBeCloseTo(20 + 2 * side, 9);
          for (const plate of load.perSide) {
            const owned = plates.filter((item) => item.weight === plate.weight);
            expect(plate.count).toBeLessThanOrEqual(
              owned.reduce((total, item) => total + item.pairs, 0),
            );
          }
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (steps) => {
        expect(computePlates(20 + steps * 2.5, kg).shortBy).toBe(0);
      }),
    );
  });
});

describe('the rest timer', () => {
  it('counts whole seconds down to the end and stops at zero', () => {
    expect(remainingSeconds(10_000, 0)).toBe(10);
    expect(remainingSeconds(10_000, 9_001)).toBe(1);
    expect(remainingSeconds(10_000, 12_000)).toBe(0);
    expect(remainingSeconds(null, 0)).toBe(0);
  });

  it('moves the end by whole seconds, never into the past', () => {
    expect(extendRest(10_000, 15, 0)).toBe(25_000);
    expect(extendRest(10_000, -15, 2_000)).toBe(2_000);
  });
});
