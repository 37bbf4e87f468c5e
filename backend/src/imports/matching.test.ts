import { EXERCISE_KINDS } from '../exercises/kinds';
import { candidateNames, matchCatalog, type CatalogEntry } from './exercise-match';
import { KindEvidence, cleanSet, fitSet } from './set-fit';
import type { ImportedSet } from './types';

const CATALOG = new Map<string, CatalogEntry>(
  (
    [
      ['bench press', 'barbell'],
      ['dumbbell bench press', 'dumbbell'],
      ['lat pulldown', 'cable'],
      ['back squat', 'barbell'],
      ['assisted pull up', 'machine'],
      ['pull up', 'bodyweight'],
      ['barbell curl', 'barbell'],
      ['leg extension', 'machine'],
    ] as const
  ).map(([name, equipment]) => [name, { id: name, searchName: name, equipment }]),
);

describe('matchCatalog', () => {
  it.each([
    ['Bench Press (Barbell)', 'bench press'],
    ['Bench Press (Dumbbell)', 'dumbbell bench press'],
    ['BENCH-PRESS', 'bench press'],
    ['  bench   press. ', 'bench press'],
    ['Lat Pulldown (Cable)', 'lat pulldown'],
    ['Squat (Barbell)', 'back squat'],
    ['Squat', 'back squat'],
    ['Pull Up (Assisted)', 'assisted pull up'],
    ['Pull-Up', 'pull up'],
    ['Bicep Curl (Barbell)', 'barbell curl'],
    ['Leg Extension (Machine)', 'leg extension'],
  ])('matches %s to %s', (name, expected) => {
    expect(matchCatalog(name, CATALOG)?.id).toBe(expected);
  });

  it.each([
    'Lat Pulldown (Machine)',
    'Leg Extension (Cable)',
    'Kettlebell Carry',
    'Press de banca',
  ])('leaves %s unmatched (another piece of equipment, or unknown)', (name) => {
    expect(matchCatalog(name, CATALOG)).toBeNull();
  });

  it('tries the full name first, then the bracketed word in front', () => {
    expect(candidateNames('Bench Press (Dumbbell)').slice(0, 2)).toEqual([
      { name: 'bench press dumbbell' },
      { name: 'dumbbell bench press' },
    ]);
  });
});

const set = (values: Partial<ImportedSet>): ImportedSet => ({
  type: 'normal',
  reps: null,
  weightKg: null,
  weightUnit: null,
  rpe: null,
  durationSeconds: null,
  distanceMeters: null,
  ...values,
});

describe('cleanSet and fitSet', () => {
  it('drops values out of range and names them', () => {
    expect(cleanSet(set({ reps: 5, weightKg: 100, rpe: 5, durationSeconds: 0 }))).toEqual({
      values: {
        type: 'normal',
        reps: 5,
        weight: 100,
        rpe: null,
        durationSeconds: null,
        distanceMeters: null,
      },
      dropped: ['RPE 5'],
    });
    expect(cleanSet(set({ reps: 2.5, distanceMeters: -1 })).dropped).toEqual([
      'reps 2.5',
      'distance -1',
    ]);
  });

  it('takes a missing weight as 0, drops a zero the kind does not use, refuses other misfits', () => {
    const reps = cleanSet(set({ reps: 8 })).values;
    const zeroWeight = cleanSet(set({ reps: 8, weightKg: 0 })).values;
    const loaded = cleanSet(set({ reps: 8, weightKg: 10 })).values;

    expect(fitSet('weight_reps', reps)?.weight).toBe(0);
    expect(fitSet('bodyweight_reps', zeroWeight)?.weight).toBeNull();
    expect(fitSet('bodyweight_reps', loaded)).toBeNull();
    expect(fitSet('bodyweight_reps', loaded, { lenient: true })).toMatchObject({
      reps: 8,
      weight: null,
    });
    expect(fitSet('duration', reps, { lenient: true })).toBeNull();
  });

  it('chooses the kind that keeps the most of what the sets record', () => {
    const kindOf = (...sets: Partial<ImportedSet>[]) => {
      const evidence = new KindEvidence();
      sets.forEach((values) => evidence.add(cleanSet(set(values)).values));
      return evidence.kind();
    };

    expect(kindOf({ distanceMeters: 5000, durationSeconds: 1500 })).toBe('distance_duration');
    expect(kindOf({ durationSeconds: 300, reps: 0 }, { durationSeconds: 300 })).toBe('duration');
    expect(kindOf({ reps: 5, weightKg: 0 }, { reps: 5, weightKg: 20 })).toBe('weight_reps');
    expect(kindOf({ reps: 12 }, { reps: 10, weightKg: 0 })).toBe('bodyweight_reps');
    expect(EXERCISE_KINDS).toContain(kindOf({}));
  });
});
