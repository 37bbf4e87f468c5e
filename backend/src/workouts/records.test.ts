import fc from 'fast-check';

import { EXERCISE_KINDS, type ExerciseKind } from '../exercises/kinds';
import {
  bestValues,
  detectRecords,
  mergeBestValues,
  oneRepMax,
  setVolumeKg,
  volumeKg,
  type SetType,
  type SetValues,
} from './records';
import { toKg } from './units';

function set(weightKg: number | null, reps: number | null, type: SetType = 'normal'): SetValues {
  return { type, reps, weightKg, durationSeconds: null, distanceMeters: null };
}

const arbitrarySet: fc.Arbitrary<SetValues> = fc.record({
  type: fc.constantFrom<SetType>('warmup', 'normal', 'drop', 'failure'),
  reps: fc.option(fc.integer({ min: 0, max: 30 })),
  weightKg: fc.option(fc.integer({ min: 0, max: 40_000 }).map((value) => value / 100)),
  durationSeconds: fc.option(fc.integer({ min: 0, max: 3600 })),
  distanceMeters: fc.option(fc.integer({ min: 0, max: 50_000 })),
});
const kind = fc.constantFrom<ExerciseKind>(...EXERCISE_KINDS);

describe('oneRepMax (Epley, 1 to 10 reps)', () => {
  it.each([
    [100, 1, 100],
    [100, 5, 116.66666666666667],
    [100, 10, 133.33333333333334],
    [90, 10, 120],
    [62.5, 3, 68.75],
  ])('%p kg × %p reps → %p kg', (weight, reps, expected) => {
    expect(oneRepMax(weight, reps)).toBe(expected);
  });

  it.each([
    [100, 11],
    [100, 0],
    [0, 5],
    [100, 2.5],
  ])('gives no estimate for %p kg × %p reps', (weight, reps) => {
    expect(oneRepMax(weight, reps)).toBeNull();
  });

  it('is at least the weight and grows with the reps and the weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }).map((value) => value / 100),
        fc.integer({ min: 1, max: 9 }),
        (weight, reps) => {
          const estimate = oneRepMax(weight, reps) as number;
          expect(estimate).toBeGreaterThanOrEqual(weight);
          expect(oneRepMax(weight, reps + 1) as number).toBeGreaterThan(estimate);
          expect(oneRepMax(weight + 1, reps) as number).toBeGreaterThan(estimate);
        },
      ),
    );
  });
});

describe('volume', () => {
  it('counts weight × reps of every set but warm-ups', () => {
    const sets = [set(60, 5, 'warmup'), set(100, 5), set(80, 8, 'drop'), set(100, 0, 'failure')];

    expect(volumeKg('weight_reps', sets)).toBe(1140);
    expect(setVolumeKg('weight_reps', set(60, 5, 'warmup'))).toBe(0);
  });

  it('counts the added load of weighted bodyweight sets and nothing for bodyweight sets', () => {
    expect(volumeKg('weighted_bodyweight', [set(20, 8)])).toBe(160);
    expect(volumeKg('bodyweight_reps', [set(null, 12)])).toBe(0);
    expect(volumeKg('assisted_bodyweight', [set(30, 8)])).toBe(0);
  });

  it('of two lists together is the sum of each', () => {
    fc.assert(
      fc.property(kind, fc.array(arbitrarySet), fc.array(arbitrarySet), (k, a, b) => {
        expect(volumeKg(k, [...a, ...b])).toBeCloseTo(volumeKg(k, a) + volumeKg(k, b), 6);
      }),
    );
  });
});

describe('detectRecords', () => {
  const previous = {
    heaviestWeight: 100,
    bestOneRepMax: oneRepMax(100, 5) as number,
    bestSetVolume: 500,
    mostReps: 8,
  };

  it('reports a record beaten twice in one workout once, at its final value', () => {
    const records = detectRecords('weight_reps', previous, [set(105, 3), set(110, 2)]);

    expect(records).toEqual([
      { type: 'heaviestWeight', value: 110, setIndex: 1, previous: 100 },
      { type: 'bestOneRepMax', value: (110 * 32) / 30, setIndex: 1, previous: 116.66666666666667 },
    ]);
    expect((110 * 32) / 30).toBeCloseTo(117.33, 2);
  });

  it('does not count a tie with the previous best', () => {
    expect(detectRecords('weight_reps', previous, [set(100, 5), set(50, 8)])).toEqual([]);
  });

  it('does not count a tie reached through different arithmetic', () => {
    const best = { heaviestWeight: 120, bestOneRepMax: 120, bestSetVolume: 1200, mostReps: 10 };

    expect(detectRecords('weight_reps', best, [set(90, 10)])).toEqual([]);
  });

  it('does not count 225 lb against 225 lb stored before', () => {
    const stored = 225 * 0.45359237;
    const best = {
      heaviestWeight: stored,
      bestOneRepMax: stored,
      bestSetVolume: stored,
      mostReps: 1,
    };

    expect(detectRecords('weight_reps', best, [set(toKg(225, 'lb'), 1)])).toEqual([]);
  });

  it('gives a record tied within the workout to the first set that reached it', () => {
    const records = detectRecords('weight_reps', {}, [set(100, 5), set(100, 5), set(60, 5)]);

    expect(records).toEqual([
      { type: 'heaviestWeight', value: 100, setIndex: 0, previous: null },
      { type: 'bestOneRepMax', value: 116.66666666666667, setIndex: 0, previous: null },
      { type: 'bestSetVolume', value: 500, setIndex: 0, previous: null },
      { type: 'mostReps', value: 5, setIndex: 0, previous: null },
    ]);
  });

  it('counts the first time an exercise is done, but never a warm-up', () => {
    expect(detectRecords('weight_reps', {}, [set(40, 10, 'warmup')])).toEqual([]);
    expect(detectRecords('bodyweight_reps', {}, [set(null, 12)])).toEqual([
      { type: 'mostReps', value: 12, setIndex: 0, previous: null },
    ]);
  });

  it('beats the previous most reps by one rep', () => {
    expect(detectRecords('weight_reps', previous, [set(40, 9)])).toEqual([
      { type: 'mostReps', value: 9, setIndex: 0, previous: 8 },
    ]);
  });

  it('tracks duration and distance records for timed exercises', () => {
    const run = (meters: number, seconds: number): SetValues => ({
      ...set(null, null),
      distanceMeters: meters,
      durationSeconds: seconds,
    });

    expect(
      detectRecords('distance_duration', { longestDistance: 5000, longestDuration: 1800 }, [
        run(5000, 1500),
        run(3000, 2000),
      ]),
    ).toEqual([{ type: 'longestDuration', value: 2000, setIndex: 1, previous: 1800 }]);
  });

  it('never finds a record in a workout measured against itself', () => {
    fc.assert(
      fc.property(kind, fc.array(arbitrarySet), (k, sets) => {
        expect(detectRecords(k, bestValues(k, sets), sets)).toEqual([]);
      }),
    );
  });

  it('reports exactly the values that raise the best so far, each above what it beat', () => {
    fc.assert(
      fc.property(kind, fc.array(arbitrarySet), fc.array(arbitrarySet), (k, before, now) => {
        const previousBests = bestValues(k, before);
        const records = detectRecords(k, previousBests, now);
        const after = mergeBestValues(previousBests, bestValues(k, now));

        for (const record of records) {
          expect(after[record.type]).toBe(record.value);
          expect(record.value).toBeGreaterThan(record.previous ?? 0);
          expect(now[record.setIndex]?.type).not.toBe('warmup');
        }
        const raised = Object.keys(after).filter((type) => {
          const key = type as keyof typeof after;
          return after[key] !== previousBests[key];
        });
        expect(records.map((record) => record.type).sort()).toEqual(raised.sort());
      }),
    );
  });
});
