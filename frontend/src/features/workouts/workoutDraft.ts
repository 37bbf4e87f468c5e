// The workout form's state and its rules, kept free of React so they read (and test) plainly.
import type { FieldError } from '@/lib/errors';
import type { WorkoutInput } from './types';

export type SetDraft = { key: string; reps: string; weight: string };

export type ExerciseDraft = { key: string; name: string; sets: SetDraft[] };

export type WorkoutDraft = { date: string; notes: string; exercises: ExerciseDraft[] };

export type DraftAction =
  | { type: 'setDate'; date: string }
  | { type: 'setNotes'; notes: string }
  | { type: 'addExercise' }
  | { type: 'removeExercise'; exerciseKey: string }
  | { type: 'setExerciseName'; exerciseKey: string; name: string }
  | { type: 'addSet'; exerciseKey: string }
  | { type: 'removeSet'; exerciseKey: string; setKey: string }
  | {
      type: 'setSetField';
      exerciseKey: string;
      setKey: string;
      field: 'reps' | 'weight';
      value: string;
    }
  | { type: 'reset'; date: string };

// The API's limits (backend/src/workouts/validation.ts), checked here to answer sooner.
export const LIMITS = {
  exercises: 50,
  setsPerExercise: 50,
  nameLength: 100,
  notesLength: 2000,
  reps: 1000,
  weightKg: 1000,
} as const;

let lastKey = 0;

function nextKey(): string {
  lastKey += 1;
  return `draft-${lastKey}`;
}

function emptySet(): SetDraft {
  return { key: nextKey(), reps: '', weight: '' };
}

function emptyExercise(): ExerciseDraft {
  return { key: nextKey(), name: '', sets: [emptySet()] };
}

export function createDraft(date: string): WorkoutDraft {
  return { date, notes: '', exercises: [emptyExercise()] };
}

export function draftReducer(draft: WorkoutDraft, action: DraftAction): WorkoutDraft {
  switch (action.type) {
    case 'setDate':
      return { ...draft, date: action.date };
    case 'setNotes':
      return { ...draft, notes: action.notes };
    case 'addExercise':
      if (draft.exercises.length >= LIMITS.exercises) {
        return draft;
      }
      return { ...draft, exercises: [...draft.exercises, emptyExercise()] };
    case 'removeExercise':
      return {
        ...draft,
        exercises: draft.exercises.filter((exercise) => exercise.key !== action.exerciseKey),
      };
    case 'setExerciseName':
      return updateExercise(draft, action.exerciseKey, (exercise) => ({
        ...exercise,
        name: action.name,
      }));
    case 'addSet':
      return updateExercise(draft, action.exerciseKey, (exercise) =>
        exercise.sets.length >= LIMITS.setsPerExercise
          ? exercise
          : { ...exercise, sets: [...exercise.sets, repeatLastSet(exercise.sets)] },
      );
    case 'removeSet':
      return updateExercise(draft, action.exerciseKey, (exercise) => ({
        ...exercise,
        sets: exercise.sets.filter((set) => set.key !== action.setKey),
      }));
    case 'setSetField':
      return updateExercise(draft, action.exerciseKey, (exercise) => ({
        ...exercise,
        sets: exercise.sets.map((set) =>
          set.key === action.setKey ? { ...set, [action.field]: action.value } : set,
        ),
      }));
    case 'reset':
      return createDraft(action.date);
  }
}

function updateExercise(
  draft: WorkoutDraft,
  exerciseKey: string,
  update: (exercise: ExerciseDraft) => ExerciseDraft,
): WorkoutDraft {
  return {
    ...draft,
    exercises: draft.exercises.map((exercise) =>
      exercise.key === exerciseKey ? update(exercise) : exercise,
    ),
  };
}

// Lifters usually repeat the set they just did, so a new set starts as a copy of the last one.
function repeatLastSet(sets: SetDraft[]): SetDraft {
  const last = sets.at(-1);
  return last ? { ...last, key: nextKey() } : emptySet();
}

/**
 * Reads a weight typed with either decimal mark ("93,5" or "93.5"), so that a comma is never
 * dropped into 935. Blank means bodyweight (0). Returns null when it is not a number.
 */
export function parseWeight(value: string): number | null {
  const text = value.trim().replace(',', '.');
  if (text === '') {
    return 0;
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return null;
  }
  const weight = Number(text);
  return weight <= LIMITS.weightKg ? weight : null;
}

/** Reads a whole number of repetitions (0 records a failed attempt), or null. */
export function parseReps(value: string): number | null {
  const text = value.trim();
  if (!/^\d+$/.test(text)) {
    return null;
  }
  const reps = Number(text);
  return reps <= LIMITS.reps ? reps : null;
}

export type DraftCheck =
  { input: WorkoutInput; details: [] } | { input: null; details: FieldError[] };

/** Turns the draft into the API's input, or lists what to fix (fields named as by the API). */
export function checkDraft(draft: WorkoutDraft, today: string): DraftCheck {
  const details: FieldError[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) {
    details.push({ field: 'date', message: 'Choose the day of the workout.' });
  } else if (draft.date > today) {
    details.push({ field: 'date', message: 'The workout cannot be in the future.' });
  }
  if (draft.exercises.length === 0) {
    details.push({ field: 'exercises', message: 'Add at least one exercise.' });
  }
  if (draft.notes.trim().length > LIMITS.notesLength) {
    details.push({ field: 'notes', message: `Use at most ${LIMITS.notesLength} characters.` });
  }

  const exercises = draft.exercises.map((exercise, exerciseIndex) => {
    const path = `exercises[${exerciseIndex}]`;
    if (!exercise.name.trim()) {
      details.push({ field: `${path}.name`, message: 'Name the exercise.' });
    } else if (exercise.name.trim().length > LIMITS.nameLength) {
      details.push({
        field: `${path}.name`,
        message: `Use at most ${LIMITS.nameLength} characters.`,
      });
    }
    if (exercise.sets.length === 0) {
      details.push({ field: `${path}.sets`, message: 'Add at least one set.' });
    }

    const sets = exercise.sets.map((set, setIndex) => {
      const reps = parseReps(set.reps);
      const weight = parseWeight(set.weight);
      if (reps === null) {
        details.push({
          field: `${path}.sets[${setIndex}].reps`,
          message: `Enter a whole number from 0 to ${LIMITS.reps}.`,
        });
      }
      if (weight === null) {
        details.push({
          field: `${path}.sets[${setIndex}].weight`,
          message: `Enter a weight from 0 to ${LIMITS.weightKg}, such as 60 or 62.5.`,
        });
      }
      return { reps: reps ?? 0, weight: weight ?? 0 };
    });

    return { name: exercise.name.trim(), sets };
  });

  if (details.length > 0) {
    return { input: null, details };
  }

  const notes = draft.notes.trim();
  return { input: { date: draft.date, notes: notes || undefined, exercises }, details: [] };
}

/**
 * "Exercise 2, set 1: reps" for a field path such as `exercises[1].sets[0].reps` or
 * `exercises.1.sets.0.reps` (either style may come back from the API).
 */
export function describeWorkoutField(field: string): string {
  const match = /^exercises(?:\[(\d+)\]|\.(\d+))(?:\.sets(?:\[(\d+)\]|\.(\d+)))?(?:\.(\w+))?$/.exec(
    field,
  );
  if (!match) {
    return FIELD_NAMES[field] ?? field;
  }

  const exercise = Number(match[1] ?? match[2]) + 1;
  const set = match[3] ?? match[4];
  const place =
    set === undefined ? `Exercise ${exercise}` : `Exercise ${exercise}, set ${Number(set) + 1}`;
  const name = match[5];
  return name ? `${place}: ${FIELD_NAMES[name] ?? name}` : place;
}

const FIELD_NAMES: Record<string, string> = {
  date: 'Date',
  notes: 'Notes',
  exercises: 'Exercises',
  name: 'name',
  sets: 'sets',
  reps: 'reps',
  weight: 'weight',
};

/** `exercises.1.sets.0.reps` and `exercises[1].sets[0].reps` name the same field. */
export function normalizeFieldPath(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
