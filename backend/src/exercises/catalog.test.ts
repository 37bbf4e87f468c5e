import { CATALOG } from './catalog';
import { EQUIPMENT, EXERCISE_KINDS, MUSCLES } from './kinds';
import { toSearchName } from './search';

describe('the exercise catalog', () => {
  it('holds at least 150 exercises with unique keys and names', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CATALOG.map((exercise) => exercise.key)).size).toBe(CATALOG.length);
    expect(new Set(CATALOG.map((exercise) => toSearchName(exercise.name))).size).toBe(
      CATALOG.length,
    );
  });

  it('describes every exercise with known muscles, equipment and kind', () => {
    for (const exercise of CATALOG) {
      expect(exercise.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(exercise.primaryMuscles.length).toBeGreaterThan(0);
      for (const muscle of [...exercise.primaryMuscles, ...exercise.secondaryMuscles]) {
        expect(MUSCLES).toContain(muscle);
      }
      expect(exercise.secondaryMuscles).not.toEqual(
        expect.arrayContaining([exercise.primaryMuscles[0]]),
      );
      expect(EQUIPMENT).toContain(exercise.equipment);
      expect(EXERCISE_KINDS).toContain(exercise.kind);
    }
  });

  it('covers every kind of measurement and every muscle', () => {
    expect(new Set(CATALOG.map((exercise) => exercise.kind))).toEqual(new Set(EXERCISE_KINDS));
    expect(new Set(CATALOG.flatMap((exercise) => exercise.primaryMuscles))).toEqual(
      new Set(MUSCLES),
    );
  });
});

describe('toSearchName', () => {
  it.each([
    ['Close-Grip Bench Press', 'close grip bench press'],
    ["Farmer's Carry", 'farmers carry'],
    ['  Développé  Couché ', 'developpe couche'],
    ['EZ-Bar Curl', 'ez bar curl'],
  ])('%j → %j', (name, expected) => {
    expect(toSearchName(name)).toBe(expected);
  });
});
