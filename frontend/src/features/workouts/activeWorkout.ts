// The workout being logged: kept in the browser (local storage) until it is finished, so a reload,
// a closed tab or a lost connection in the gym loses nothing. Pure.
import { ApiError } from '@/lib/errors';
import {
  checkEntries,
  entriesReducer,
  exerciseDraftFrom,
  type DraftProblem,
  type EntriesAction,
  type EntryPlace,
  type ExerciseDraft,
} from './entryDraft';
import type { Routine, WeightUnit, WorkoutInput } from './types';

export type ActiveWorkout = {
  /** Sent with the workout: saving it twice (a double tap, a retry) finds the first one. */
  clientId: string;
  startedAt: string;
  routineId: string | null;
  routineName: string | null;
  notes: string;
  exercises: ExerciseDraft[];
};

export type ActiveWorkoutAction = EntriesAction | { type: 'setNotes'; notes: string };

/** 32 random hex digits; crypto.randomUUID is missing on plain http (a self-hosted LAN address). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A new workout, empty or with a routine's exercises and targets filled in. */
export function startWorkout(now: Date, routine?: Routine): ActiveWorkout {
  return {
    clientId: newClientId(),
    startedAt: now.toISOString(),
    routineId: routine?.id ?? null,
    routineName: routine?.name ?? null,
    notes: '',
    exercises: routine?.exercises.map((entry) => exerciseDraftFrom(entry, routine.unit)) ?? [],
  };
}

export function activeWorkoutReducer(
  workout: ActiveWorkout,
  action: ActiveWorkoutAction,
): ActiveWorkout {
  if (action.type === 'setNotes') {
    return { ...workout, notes: action.notes };
  }

  return { ...workout, exercises: entriesReducer(workout.exercises, action) };
}

export type FinishCheck = {
  input: WorkoutInput | null;
  places: EntryPlace[];
  problems: DraftProblem[];
};

/** The API's input for the finished workout (ending `now`), or the problems to fix first. */
export function finishWorkout(workout: ActiveWorkout, unit: WeightUnit, now: Date): FinishCheck {
  const { entries, places, problems } = checkEntries(workout.exercises, unit, {
    dropBlankSets: true,
  });
  if (workout.exercises.length === 0) {
    problems.push({ key: 'exercises', label: 'Exercises', message: 'Add at least one exercise.' });
  }
  if (problems.length > 0) {
    return { input: null, places, problems };
  }

  const notes = workout.notes.trim();
  return {
    input: {
      clientId: workout.clientId,
      startedAt: workout.startedAt,
      endedAt: now.toISOString(),
      unit,
      ...(notes ? { notes } : {}),
      routineId: workout.routineId,
      exercises: entries,
    },
    places,
    problems,
  };
}

/** The problems of a draft as the one error shape the UI shows. */
export function problemsAsError(problems: DraftProblem[]): ApiError {
  return new ApiError({
    code: 'VALIDATION_FAILED',
    details: problems.map((problem) => ({ field: problem.label, message: problem.message })),
  });
}

/** Whether a stored value is a workout draft this version can resume. */
export function isActiveWorkout(value: unknown): value is ActiveWorkout {
  const workout = value as Partial<ActiveWorkout> | null;

  return (
    typeof workout === 'object' &&
    workout !== null &&
    typeof workout.clientId === 'string' &&
    typeof workout.startedAt === 'string' &&
    Array.isArray(workout.exercises)
  );
}
