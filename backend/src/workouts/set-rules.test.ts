import fc from 'fast-check';

import { checkSetForKind, checkSupersets } from './set-rules';

describe('checkSetForKind', () => {
  it('needs reps and weight for a weight and reps exercise', () => {
    expect(checkSetForKind('weight_reps', { reps: 5 }, 'exercises[0].sets[2]')).toEqual([
      { field: 'exercises[0].sets[2].weight', message: 'Required for weight and reps exercises' },
    ]);
    expect(checkSetForKind('weight_reps', { reps: 5, weight: 100, rpe: 8 }, 's')).toEqual([]);
  });

  it('refuses a weight on a bodyweight exercise and a distance on a timed one', () => {
    expect(checkSetForKind('bodyweight_reps', { reps: 10, weight: 20 }, 's')).toEqual([
      { field: 's.weight', message: 'Not used by bodyweight exercises' },
    ]);
    expect(checkSetForKind('duration', { durationSeconds: 60, distanceMeters: 100 }, 's')).toEqual([
      { field: 's.distanceMeters', message: 'Not used by timed exercises' },
    ]);
  });

  it('treats null as not given', () => {
    expect(checkSetForKind('bodyweight_reps', { reps: 10, weight: null }, 's')).toEqual([]);
  });

  it('needs nothing in a routine’s target set, but still refuses what the kind does not use', () => {
    expect(checkSetForKind('weight_reps', {}, 's', { isTarget: true })).toEqual([]);
    expect(checkSetForKind('distance_duration', { reps: 5 }, 's', { isTarget: true })).toEqual([
      { field: 's.reps', message: 'Not used by distance exercises' },
    ]);
  });
});

describe('checkSupersets', () => {
  it('accepts neighbours sharing a group and exercises without one', () => {
    expect(checkSupersets([null, 1, 1, null, 2, 2, 2])).toEqual([]);
  });

  it('refuses a superset of one and a superset split by another exercise', () => {
    expect(checkSupersets([1, null, 2, 2])).toEqual([
      { field: 'exercises[0].supersetGroup', message: 'A superset needs at least two exercises' },
    ]);
    expect(checkSupersets([1, 1, null, 1])).toEqual([
      {
        field: 'exercises[3].supersetGroup',
        message: 'The exercises of a superset must follow one another',
      },
    ]);
  });

  it('accepts any list built from runs of at least two', () => {
    const runs = fc.array(fc.integer({ min: 2, max: 4 }), { maxLength: 8 });
    fc.assert(
      fc.property(runs, (lengths) => {
        const groups = lengths.flatMap((length, index) => Array<number>(length).fill(index + 1));
        expect(checkSupersets(groups)).toEqual([]);
      }),
    );
  });
});
