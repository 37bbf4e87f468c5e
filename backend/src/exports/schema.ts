/*
 * The export document, schema version 1: everything one user owns, as one JSON object. This file
 * is the contract; docs/EXPORT-SCHEMA.md explains it to people. A change that an older reader
 * could misread raises EXPORT_SCHEMA_VERSION; adding an optional field does not.
 */

export const EXPORT_FORMAT = 'habit-gym-tracker-export';
export const EXPORT_SCHEMA_VERSION = 1;

/** The arrays of the document, in the order they are written. */
export const EXPORT_SECTIONS = [
  'habits',
  'exercises',
  'routines',
  'workouts',
  'bodyWeights',
] as const;
export type ExportSectionName = (typeof EXPORT_SECTIONS)[number];

export interface ExportAccount {
  email: string;
  name: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  weekStart: 'monday' | 'sunday';
  unit: 'kg' | 'lb';
  /** ISO 8601 instant. */
  createdAt: string;
}

export interface ExportCompletion {
  /** The user's local date, `YYYY-MM-DD`. */
  date: string;
  status: 'done' | 'skipped' | 'none';
  value: number | null;
  note: string;
}

export interface ExportHabit {
  id: string;
  name: string;
  description: string;
  color: string;
  icon: string;
  kind: 'boolean' | 'measurable';
  unit: string;
  target: { type: 'atLeast' | 'atMost'; value: number } | null;
  schedule: {
    type: 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'interval';
    days?: number[];
    times?: number;
    interval?: number;
  };
  /** `HH:mm` local time, or null. */
  reminderTime: string | null;
  position: number;
  archived: boolean;
  createdAt: string;
  /** Oldest first. */
  completions: ExportCompletion[];
}

/** A catalog exercise by its stable catalog id, or one of the user's own by its id here. */
export type ExportExerciseRef =
  { source: 'catalog'; id: string; name: string } | { source: 'own'; id: string; name: string };

export interface ExportExercise {
  id: string;
  name: string;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  equipment: string;
  /** How it is measured: weight and reps, reps, duration, distance and duration... */
  measurement: string;
  createdAt: string;
}

export interface ExportSet {
  type: 'warmup' | 'normal' | 'drop' | 'failure';
  reps: number | null;
  weightKg: number | null;
  rpe: number | null;
  durationSeconds: number | null;
  distanceMeters: number | null;
}

export interface ExportWorkoutExercise {
  exercise: ExportExerciseRef;
  /** Exercises with the same id in one workout form a superset. */
  supersetId: string | null;
  notes: string;
  sets: ExportSet[];
}

export interface ExportWorkout {
  id: string;
  name: string;
  /** Local date of the start, in `timezone`. */
  date: string;
  /** The zone the workout was logged in, which may differ from the account's. */
  timezone: string;
  /** ISO 8601 instants. */
  startedAt: string;
  endedAt: string | null;
  notes: string;
  routineId: string | null;
  exercises: ExportWorkoutExercise[];
}

export interface ExportRoutine {
  id: string;
  name: string;
  notes: string;
  exercises: ExportWorkoutExercise[];
  createdAt: string;
}

export interface ExportBodyWeight {
  date: string;
  weightKg: number;
  note: string;
}

export interface ExportSectionItems {
  habits: ExportHabit;
  exercises: ExportExercise;
  routines: ExportRoutine;
  workouts: ExportWorkout;
  bodyWeights: ExportBodyWeight;
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  /** ISO 8601 instant. */
  exportedAt: string;
  account: ExportAccount;
}

export type ExportDocument = ExportHeader & { [K in ExportSectionName]: ExportSectionItems[K][] };
