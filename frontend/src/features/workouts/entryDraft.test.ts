import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import {
  checkEntries,
  entriesReducer,
  locateApiField,
  normalizeSupersets,
  type ExerciseDraft,
} from './entryDraft';
import type { SetType } from './types';

const squat = { id: 'squat-id', name: 'Back Squat', kind: 'weight_reps' as const };
const pullUp = { id: 'pull-id', name: 'Pull-Up', kind: 'bodyweight_reps' as const };
const plank = { id: 'plank-id', name: 'Plank', kind: 'duration' as const };
const run = { id: 'run-id', name: 'Running', kind: 'distance_duration' as const };

function build(...exercises: Array<typeof squat | typeof pullUp | typeof plank | typeof run>) {
  return exercises.reduce<ExerciseDraft[]>(
    (draft, exercise) => entriesReducer(draft, { type: 'addExercise', exercise }),
    [],
  );
}

function type(draft: ExerciseDraft[], exerciseIndex: number, setIndex: number, values: object) {
  const exercise = draft[exerciseIndex] as ExerciseDraft;
  const set = exercise.sets[setIndex];
  if (!set) {
    throw new Error('no such set');
  }

  return Object.entries(values).reduce(
    (current, [field, value]) =>
      entriesReducer(current, {
        type: 'setSetField',
        exerciseKey: exercise.key,
        setKey: set.key,
        field: field as 'reps',
        value: value as string,
      }),
    draft,
  );
}

describe('checkEntries', () => {
  it('reads a decimal comma, converts nothing, and sends only what the kind uses', () => {
    let draft = build(squat, pullUp, plank, run);
    draft = type(draft, 0, 0, { weight: '62,5', reps: '5', rpe: '8,5' });
    draft = type(draft, 1, 0, { reps: '12', weight: '20' });
    draft = type(draft, 2, 0, { duration: '1:30' });
    draft = type(draft, 3, 0, { distance: '5,2', duration: '25:00' });

    const { entries, problems } = checkEntries(draft, 'kg', { dropBlankSets: true });

    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        exerciseId: 'squat-id',
        supersetGroup: null,
        sets: [{ type: 'normal', weight: 62.5, reps: 5, rpe: 8.5 }],
      },
      { exerciseId: 'pull-id', supersetGroup: null, sets: [{ type: 'normal', reps: 12 }] },
      {
        exerciseId: 'plank-id',
        supersetGroup: null,
        sets: [{ type: 'normal', durationSeconds: 90 }],
      },
      {
        exerciseId: 'run-id',
        supersetGroup: null,
        sets: [{ type: 'normal', distanceMeters: 5200, durationSeconds: 1500 }],
      },
    ]);
  });

  it('reads distances in miles for a user who lifts in pounds', () => {
    const draft = type(build(run), 0, 0, { distance: '3,1' });

    const { entries } = checkEntries(draft, 'lb', { dropBlankSets: true });

    expect(entries[0]?.sets[0]?.distanceMeters).toBeCloseTo(4988.9664, 6);
  });

  it('repeats the last set for a new one, as a working set after a warm-up or failure', () => {
    const exerciseKey = (draft: ExerciseDraft[]) => draft[0]?.key as string;
    const addSetAfter = (draft: ExerciseDraft[], setType: SetType) => {
      const setKey = draft[0]?.sets.at(-1)?.key as string;
      const typed = entriesReducer(draft, {
        type: 'setSetType',
        exerciseKey: exerciseKey(draft),
        setKey,
        setType,
      });
      return entriesReducer(typed, { type: 'addSet', exerciseKey: exerciseKey(typed) });
    };
    const first = type(build(squat), 0, 0, { weight: '60', reps: '8' });
    const newSet = (draft: ExerciseDraft[]) => {
      const set = draft[0]?.sets.at(-1);
      return [set?.type, set?.weight, set?.reps, set?.isDone];
    };

    expect(newSet(addSetAfter(first, 'warmup'))).toEqual(['normal', '60', '8', false]);
    expect(newSet(addSetAfter(first, 'failure'))).toEqual(['normal', '60', '8', false]);
    expect(newSet(addSetAfter(first, 'normal'))).toEqual(['normal', '60', '8', false]);
    expect(newSet(addSetAfter(first, 'drop'))).toEqual(['drop', '60', '8', false]);
  });

  it('leaves blank sets out of a workout but keeps them as open targets of a routine', () => {
    let draft = build(squat);
    draft = type(draft, 0, 0, { weight: '100', reps: '5' });
    draft = entriesReducer(draft, { type: 'addSet', exerciseKey: draft[0]?.key as string });
    draft = type(draft, 0, 1, { weight: '', reps: '' });

    expect(checkEntries(draft, 'kg', { dropBlankSets: true }).entries[0]?.sets).toHaveLength(1);
    expect(checkEntries(draft, 'kg', { dropBlankSets: false }).entries[0]?.sets).toEqual([
      { type: 'normal', weight: 100, reps: 5 },
      { type: 'normal' },
    ]);
  });

  it('names each input it cannot read, by the label the user sees', () => {
    let draft = build(squat, pullUp);
    draft = type(draft, 0, 0, { weight: '62,55,1', reps: '5.5', rpe: '11' });

    const { problems } = checkEntries(draft, 'lb', { dropBlankSets: true });

    expect(problems.map((problem) => problem.label)).toEqual([
      'Exercise 1 set 1 weight (lb)',
      'Exercise 1 set 1 reps',
      'Exercise 1 set 1 RPE',
      'Exercise 2 (Pull-Up)',
    ]);
  });
});

describe('supersets', () => {
  it('joins an exercise with the next one, and splits them again', () => {
    let draft = build(squat, pullUp, plank);
    draft = entriesReducer(draft, { type: 'toggleSuperset', exerciseKey: draft[0]?.key as string });
    expect(draft.map((exercise) => exercise.supersetGroup)).toEqual([1, 1, null]);

    draft = entriesReducer(draft, { type: 'toggleSuperset', exerciseKey: draft[1]?.key as string });
    expect(draft.map((exercise) => exercise.supersetGroup)).toEqual([null, null, null]);
  });

  it('undoes a superset that a move splits or a removal leaves alone', () => {
    let draft = build(squat, pullUp, plank);
    draft = entriesReducer(draft, { type: 'toggleSuperset', exerciseKey: draft[0]?.key as string });
    const moved = entriesReducer(draft, {
      type: 'moveExercise',
      exerciseKey: draft[2]?.key as string,
      by: -1,
    });
    const removed = entriesReducer(draft, {
      type: 'removeExercise',
      exerciseKey: draft[1]?.key as string,
    });

    expect(moved.map((exercise) => [exercise.name, exercise.supersetGroup])).toEqual([
      ['Back Squat', null],
      ['Plank', null],
      ['Pull-Up', null],
    ]);
    expect(removed.map((exercise) => exercise.supersetGroup)).toEqual([null, null]);
  });

  it('always leaves runs of two or more, numbered in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 3 })), { maxLength: 10 }),
        (groups) => {
          const draft = groups.map((supersetGroup, index) => ({
            ...(build(squat)[0] as ExerciseDraft),
            key: `e${index}`,
            supersetGroup,
          }));
          const normal = normalizeSupersets(draft).map((exercise) => exercise.supersetGroup);
          const numbers = normal.filter((group): group is number => group !== null);
          for (const group of new Set(numbers)) {
            const first = normal.indexOf(group);
            const last = normal.lastIndexOf(group);
            expect(last - first + 1).toBe(numbers.filter((item) => item === group).length);
            expect(last).toBeGreaterThan(first);
          }
          expect([...new Set(numbers)]).toEqual([...new Set(numbers)].map((_, index) => index + 1));
        },
      ),
    );
  });
});

describe('locateApiField', () => {
  it('points an API error at the input it came from, blank sets left out or not', () => {
    let draft = build(squat);
    draft = entriesReducer(draft, { type: 'addSet', exerciseKey: draft[0]?.key as string });
    draft = entriesReducer(draft, { type: 'addSet', exerciseKey: draft[0]?.key as string });
    draft = type(draft, 0, 2, { weight: '100', reps: '5' });
    const { places } = checkEntries(draft, 'kg', { dropBlankSets: true });

    const located = locateApiField('exercises[0].sets[0].weight', places, draft, 'kg');

    expect(located).toEqual({
      key: `${draft[0]?.sets[2]?.key}.weight`,
      label: 'Exercise 1 set 3 weight (kg)',
    });
    expect(locateApiField('exercises[0].exerciseId', places, draft, 'kg')).toEqual({
      key: draft[0]?.key,
      label: 'Exercise 1',
    });
    expect(locateApiField('notes', places, draft, 'kg')).toBeNull();
  });
});
