import fc from 'fast-check';

import { KG_PER_LB, fromKg, hasAtMostTwoDecimals, presentWeight, toKg } from './units';

// A weight as a user types it: up to two decimals, from 0 to 2000 in either unit.
const typedWeight = fc.integer({ min: 0, max: 200_000 }).map((hundredths) => hundredths / 100);
const unit = fc.constantFrom('kg' as const, 'lb' as const);

describe('toKg and fromKg', () => {
  it('use the exact definition of the pound', () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(toKg(225, 'lb')).toBeCloseTo(102.05828325, 10);
    expect(toKg(100, 'kg')).toBe(100);
    expect(fromKg(100, 'lb')).toBeCloseTo(220.46226218, 8);
  });
});

describe('presentWeight', () => {
  it.each([
    [100, 'lb', 220.5],
    [toKg(225, 'lb'), 'kg', 102.1],
    [toKg(225, 'lb'), 'lb', 225],
    [toKg(233, 'lb'), 'lb', 233],
    [101.25, 'kg', 101.25],
    [102.5, 'kg', 102.5],
    [93.5, 'kg', 93.5],
    [20, 'lb', 44.1],
    [toKg(45, 'lb'), 'kg', 20.4],
    [0, 'lb', 0],
  ] as const)('shows %p kg in %s as %p', (kg, target, shown) => {
    expect(presentWeight(kg, target)).toBe(shown);
  });

  it('gives back exactly what was typed after a save and a reload, in either unit', () => {
    fc.assert(
      fc.property(typedWeight, unit, (typed, typedUnit) => {
        expect(presentWeight(toKg(typed, typedUnit), typedUnit)).toBe(typed);
      }),
      { numRuns: 5000 },
    );
  });

  it('never drifts when a converted value is shown, retyped and shown again', () => {
    fc.assert(
      fc.property(typedWeight, (kg) => {
        const shownInLb = presentWeight(kg, 'lb');
        const retyped = toKg(shownInLb, 'lb');
        expect(presentWeight(retyped, 'lb')).toBe(shownInLb);
        // One decimal of a pound is at most 0.05 lb, about 23 g, away from the stored weight.
        expect(Math.abs(retyped - kg)).toBeLessThanOrEqual(0.05 * KG_PER_LB + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hasAtMostTwoDecimals', () => {
  it.each([
    [62.5, true],
    [101.25, true],
    [0.1 + 0.2, true],
    [102.125, false],
    [1 / 3, false],
  ])('%p → %p', (value, expected) => {
    expect(hasAtMostTwoDecimals(value)).toBe(expected);
  });

  it('accepts every typed weight', () => {
    fc.assert(fc.property(typedWeight, (typed) => hasAtMostTwoDecimals(typed)));
  });
});
