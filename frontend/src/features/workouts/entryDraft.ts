// The exercises being logged (a workout) or planned (a routine), as typed: every value is the
// text of its input until it is checked. Pure, so it reads and tests plainly (entryDraft.test.ts).
import {
  distanceUnitFor,
  formatDuration,
  formatNumber,
  metersFrom,
  metersTo,
  parseDecimal,
  parseDuration,
  parseWholeNumber,
} from './numbers';
import type {
  Exercise,
  ExerciseEntryInput,
  ExerciseKind,
  SetInput,
  SetType,
  WeightUnit,
  WorkoutExercise,
  WorkoutSet,
} from './types';

export type SetField = 'reps' | 'weight' | 'rpe' | 'duration' | 'distance';

export type SetDraft = { key: string; type: SetType; isDone: boolean } & Record<SetField, string>;

export type ExerciseDraft = {
  key: string;
  exerciseId: string;
  name: string;
  kind: ExerciseKind;
  supersetGroup: number | null;
  sets: SetDraft[];
};

export type EntriesAction =
  | { type: 'addExercise'; exercise: Pick<Exercise, 'id' | 'name' | 'kind'> }
  | { type: 'removeExercise'; exerciseKey: string }
  | { type: 'moveExercise'; exerciseKey: string; by: -1 | 1 }
  | { type: 'toggleSuperset'; exerciseKey: string }
  | { type: 'addSet'; exerciseKey: string }
  | { type: 'removeSet'; exerciseKey: string; setKey: string }
  | { type: 'setSetField'; exerciseKey: string; setKey: string; field: SetField; value: string }
  | { type: 'setSetType'; exerciseKey: string; setKey: string; setType: SetType }
  | { type: 'toggleSetDone'; exerciseKey: string; setKey: string };

// The API's limits (backend/src/workouts/validation.ts), checked here to answer sooner.
export const LIMITS = { exercises: 50, setsPerExercise: 50 } as const;

/** The inputs a set of each kind shows, in order (the API refuses the others). */
export const SET_FIELDS_BY_KIND: Record<ExerciseKind, readonly SetField[]> = {
  weight_reps: ['weight', 'reps', 'rpe'],
  bodyweight_reps: ['reps', 'rpe'],
  weighted_bodyweight: ['weight', 'reps', 'rpe'],
  assisted_bodyweight: ['weight', 'reps', 'rpe'],
  duration: ['duration', 'weight'],
  distance_duration: ['distance', 'duration', 'weight'],
};

export const SET_TYPE_LABELS: Record<SetType, string> = {
  warmup: 'Warm-up',
  normal: 'Normal',
  drop: 'Drop set',
  failure: 'To failure',
};

let lastKey = 0;

/** A key unique in this page and across reloads (drafts are kept in local storage). */
export function newKey(): string {
  lastKey += 1;

  return `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}${lastKey}`;
}

export function emptySet(): SetDraft {
  return {
    key: newKey(),
    type: 'normal',
    isDone: false,
    reps: '',
    weight: '',
    rpe: '',
    duration: '',
    distance: '',
  };
}

/** A set draft holding an API set's values (a routine's targets, or a past workout's). */
export function setDraftFrom(set: WorkoutSet, unit: WeightUnit): SetDraft {
  const text = (value: number | null, format: (value: number) => string = formatNumber) =>
    value === null ? '' : format(value);

  return {
    ...emptySet(),
    type: set.type,
    reps: text(set.reps),
    weight: text(set.weight),
    rpe: text(set.rpe),
    duration: text(set.durationSeconds, formatDuration),
    distance: text(set.distanceMeters, (meters) =>
      formatNumber(metersTo(meters, distanceUnitFor(unit)), 3),
    ),
  };
}

export function exerciseDraftFrom(entry: WorkoutExercise, unit: WeightUnit): ExerciseDraft {
  return {
    key: newKey(),
    exerciseId: entry.exerciseId,
    name: entry.name,
    kind: entry.kind,
    supersetGroup: entry.supersetGroup,
    sets: entry.sets.length > 0 ? entry.sets.map((set) => setDraftFrom(set, unit)) : [emptySet()],
  };
}

export function entriesReducer(exercises: ExerciseDraft[], action: EntriesAction): ExerciseDraft[] {
  switch (action.type) {
    case 'addExercise':
      if (exercises.length >= LIMITS.exercises) {
        return exercises;
      }
      return [
        ...exercises,
        {
          key: newKey(),
          exerciseId: action.exercise.id,
          name: action.exercise.name,
          kind: action.exercise.kind,
          supersetGroup: null,
          sets: [emptySet()],
        },
      ];
    case 'removeExercise':
      return normalizeSupersets(
        exercises.filter((exercise) => exercise.key !== action.exerciseKey),
      );
    case 'moveExercise':
      return normalizeSupersets(move(exercises, action.exerciseKey, action.by));
    case 'toggleSuperset':
      return normalizeSupersets(toggleSuperset(exercises, action.exerciseKey));
    case 'addSet':
      return updateExercise(exercises, action.exerciseKey, (exercise) =>
        exercise.sets.length >= LIMITS.setsPerExercise
          ? exercise
          : { ...exercise, sets: [...exercise.sets, repeatLastSet(exercise.sets)] },
      );
    case 'removeSet':
      return updateExercise(exercises, action.exerciseKey, (exercise) => ({
        ...exercise,
        sets: exercise.sets.filter((set) => set.key !== action.setKey),
      }));
    case 'setSetField':
      return updateSet(exercises, action, (set) => ({ ...set, [action.field]: action.value }));
    case 'setSetType':
      return updateSet(exercises, action, (set) => ({ ...set, type: action.setType }));
    case 'toggleSetDone':
      return updateSet(exercises, action, (set) => ({ ...set, isDone: !set.isDone }));
  }
}

function updateExercise(
  exercises: ExerciseDraft[],
  exerciseKey: string,
  update: (exercise: ExerciseDraft) => ExerciseDraft,
): ExerciseDraft[] {
  return exercises.map((exercise) => (exercise.key === exerciseKey ? update(exercise) : exercise));
}

function updateSet(
  exercises: ExerciseDraft[],
  { exerciseKey, setKey }: { exerciseKey: string; setKey: string },
  update: (set: SetDraft) => SetDraft,
): ExerciseDraft[] {
  return updateExercise(exercises, exerciseKey, (exercise) => ({
    ...exercise,
    sets: exercise.sets.map((set) => (set.key === setKey ? update(set) : set)),
  }));
}

// Lifters usually repeat the set they just did, so a new set starts as a copy of the last one
// (not yet done).
/**
 * The next set repeats the last one's values. Its type does too only for a drop set (drops come
 * in runs): after warm-ups and a set to failure comes a working set.
 */
function repeatLastSet(sets: SetDraft[]): SetDraft {
  const last = sets.at(-1);
  if (!last) {
    return emptySet();
  }

  return { ...last, key: newKey(), isDone: false, type: last.type === 'drop' ? 'drop' : 'normal' };
}

function move(exercises: ExerciseDraft[], exerciseKey: string, by: -1 | 1): ExerciseDraft[] {
  const from = exercises.findIndex((exercise) => exercise.key === exerciseKey);
  const to = from + by;
  if (from < 0 || to < 0 || to >= exercises.length) {
    return exercises;
  }

  const moved = [...exercises];
  [moved[from], moved[to]] = [moved[to] as ExerciseDraft, moved[from] as ExerciseDraft];
  return moved;
}

/** Takes the exercise out of its superset, or joins it with the next exercise. */
function toggleSuperset(exercises: ExerciseDraft[], exerciseKey: string): ExerciseDraft[] {
  const index = exercises.findIndex((exercise) => exercise.key === exerciseKey);
  const exercise = exercises[index];
  const next = exercises[index + 1];
  if (!exercise) {
    return exercises;
  }
  if (exercise.supersetGroup !== null) {
    return updateExercise(exercises, exerciseKey, (item) => ({ ...item, supersetGroup: null }));
  }
  if (!next) {
    return exercises;
  }

  const group =
    next.supersetGroup ?? Math.max(0, ...exercises.map((item) => item.supersetGroup ?? 0)) + 1;
  return exercises.map((item) =>
    item.key === exercise.key || item.key === next.key ? { ...item, supersetGroup: group } : item,
  );
}

/**
 * Keeps supersets as the API wants them: runs of two or more neighbours, numbered 1, 2, … in
 * order. A group split by a move, or left with one exercise by a removal, is undone.
 */
export function normalizeSupersets(exercises: ExerciseDraft[]): ExerciseDraft[] {
  const runs: Array<{ group: number | null; members: ExerciseDraft[] }> = [];
  for (const exercise of exercises) {
    const last = runs.at(-1);
    if (last && exercise.supersetGroup !== null && last.group === exercise.supersetGroup) {
      last.members.push(exercise);
    } else {
      runs.push({ group: exercise.supersetGroup, members: [exercise] });
    }
  }

  let number = 0;
  const seen = new Set<number>();
  return runs.flatMap(({ group, members }): ExerciseDraft[] => {
    const isSuperset = group !== null && members.length >= 2 && !seen.has(group);
    if (group !== null) {
      seen.add(group);
    }
    if (!isSuperset) {
      return members.map((member) => ({ ...member, supersetGroup: null }));
    }
    number += 1;
    return members.map((member) => ({ ...member, supersetGroup: number }));
  });
}

/** A problem with a typed value: `key` marks the input (`<setKey>.<field>` or the exercise key). */
export type DraftProblem = { key: string; label: string; message: string };

/** Where each entry sent to the API came from in the draft, to point API errors at inputs. */
export type EntryPlace = { exerciseKey: string; setKeys: string[] };

export type CheckedEntries = {
  entries: ExerciseEntryInput[];
  places: EntryPlace[];
  problems: DraftProblem[];
};

/** "Exercise 2 set 3 weight": the label of the input, as screen readers announce it. */
export function setFieldLabel(
  exerciseNumber: number,
  setNumber: number,
  field: SetField,
  unit: WeightUnit,
): string {
  const names: Record<SetField, string> = {
    reps: 'reps',
    weight: `weight (${unit})`,
    rpe: 'RPE',
    duration: 'time (m:ss)',
    distance: `distance (${distanceUnitFor(unit)})`,
  };

  return `Exercise ${exerciseNumber} set ${setNumber} ${names[field]}`;
}

const MESSAGES: Record<SetField, string> = {
  reps: 'Enter a whole number of reps, such as 5.',
  weight: 'Enter a weight with at most two decimals, such as 62,5 or 62.5.',
  rpe: 'Enter an RPE from 6 to 10 in half steps, such as 8 or 8,5.',
  duration: 'Enter a time such as 90 (seconds) or 1:30.',
  distance: 'Enter a distance such as 5 or 5,2.',
};

function readField(field: SetField, text: string, unit: WeightUnit): number | null | undefined {
  switch (field) {
    case 'reps':
      return orInvalid(parseWholeNumber(text), () => true);
    case 'weight':
      return orInvalid(parseDecimal(text), hasAtMostTwoDecimals);
    case 'rpe':
      return orInvalid(
        parseDecimal(text),
        (value) => value >= 6 && value <= 10 && Number.isInteger(value * 2),
      );
    case 'duration':
      return orInvalid(parseDuration(text), (value) => value > 0);
    case 'distance': {
      const value = orInvalid(parseDecimal(text), (parsed) => parsed > 0);
      return value === null || value === undefined
        ? value
        : metersFrom(value, distanceUnitFor(unit));
    }
  }
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

// null: left blank; undefined: typed but not acceptable.
function orInvalid(value: number | null, isAcceptable: (value: number) => boolean) {
  if (value === null) {
    return null;
  }

  return Number.isNaN(value) || !isAcceptable(value) ? undefined : value;
}

type NumericInput = Exclude<keyof SetInput, 'type'>;

const INPUT_KEYS: Record<SetField, NumericInput> = {
  reps: 'reps',
  weight: 'weight',
  rpe: 'rpe',
  duration: 'durationSeconds',
  distance: 'distanceMeters',
};

/**
 * Turns the draft into the API's entries, in `unit`. Blank sets are left out when
 * `dropBlankSets` (a workout keeps what was done; a routine keeps open targets).
 */
export function checkEntries(
  exercises: readonly ExerciseDraft[],
  unit: WeightUnit,
  { dropBlankSets }: { dropBlankSets: boolean },
): CheckedEntries {
  const problems: DraftProblem[] = [];
  const entries: ExerciseEntryInput[] = [];
  const places: EntryPlace[] = [];

  exercises.forEach((exercise, exerciseIndex) => {
    const fields = SET_FIELDS_BY_KIND[exercise.kind];
    const sets: SetInput[] = [];
    const setKeys: string[] = [];
    exercise.sets.forEach((set, setIndex) => {
      if (dropBlankSets && fields.every((field) => set[field].trim() === '')) {
        return;
      }
      const input: SetInput = { type: set.type };
      for (const field of fields) {
        const value = readField(field, set[field], unit);
        if (value === undefined) {
          const label = setFieldLabel(exerciseIndex + 1, setIndex + 1, field, unit);
          problems.push({ key: `${set.key}.${field}`, label, message: MESSAGES[field] });
        } else if (value !== null) {
          input[INPUT_KEYS[field]] = value;
        }
      }
      sets.push(input);
      setKeys.push(set.key);
    });

    if (sets.length === 0) {
      problems.push({
        key: exercise.key,
        label: `Exercise ${exerciseIndex + 1} (${exercise.name})`,
        message: 'Log at least one set, or remove the exercise.',
      });
    }
    entries.push({ exerciseId: exercise.exerciseId, supersetGroup: exercise.supersetGroup, sets });
    places.push({ exerciseKey: exercise.key, setKeys });
  });

  return { entries, places, problems };
}

/**
 * The draft key and label of a field the API named (`exercises[1].sets[0].weight`), found through
 * the places the entries came from; null for fields outside the exercises.
 */
export function locateApiField(
  field: string,
  places: readonly EntryPlace[],
  exercises: readonly ExerciseDraft[],
  unit: WeightUnit,
): { key: string; label: string } | null {
  const match = /^exercises\[(\d+)\](?:\.sets\[(\d+)\](?:\.(\w+))?)?/.exec(field);
  const place = match ? places[Number(match[1])] : undefined;
  if (!match || !place) {
    return null;
  }

  const exerciseIndex = exercises.findIndex((exercise) => exercise.key === place.exerciseKey);
  const setKey = match[2] === undefined ? undefined : place.setKeys[Number(match[2])];
  const setIndex = exercises[exerciseIndex]?.sets.findIndex((set) => set.key === setKey) ?? -1;
  if (setKey === undefined || setIndex < 0) {
    return { key: place.exerciseKey, label: `Exercise ${exerciseIndex + 1}` };
  }

  const apiField = match[3] ?? '';
  const draftField = (Object.keys(INPUT_KEYS) as SetField[]).find(
    (name) => INPUT_KEYS[name] === apiField,
  );
  if (!draftField) {
    return { key: setKey, label: `Exercise ${exerciseIndex + 1} set ${setIndex + 1}` };
  }

  return {
    key: `${setKey}.${draftField}`,
    label: setFieldLabel(exerciseIndex + 1, setIndex + 1, draftField, unit),
  };
}
