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
  /** `none`: a day with only a note. */
  status: 'done' | 'skipped' | 'none';
  /** Measurable habits, done days: the day's value in the target's unit. */
  value: number | null;
  note: string;
}

export type ScheduleType = 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'interval';

/** One schedule of a habit, in force from `from` until the next one's `from`. */
export interface ExportSchedule {
  from: string;
  type: ScheduleType;
  /** `weekdays`: 0 (Sunday) to 6. */
  days?: number[];
  /** Yes/no `weekly` and `monthly` habits: days per period. */
  times?: number;
  /** `interval`: every N days. */
  interval?: number;
}

export interface ExportHabit {
  id: string;
  name: string;
  description: string;
  color: string;
  icon: string;
  kind: 'boolean' | 'measurable';
  /** Measurable habits: at least or at most `value` `unit`s a day (or a week or month). */
  target: { type: 'atLeast' | 'atMost'; value: number; unit: string } | null;
  /** The first local date the habit counts. */
  startDate: string;
  /** Oldest first; the first starts on `startDate`. */
  schedules: ExportSchedule[];
  /** `HH:mm` local time, or null. */
  reminderTime: string | null;
  position: number;
  archived: boolean;
  linkedToWorkouts: boolean;
  /** Oldest first. */
  completions: ExportCompletion[];
}

/** A catalog exercise by its stable catalog key, or one of the user's own by its id here. */
export type ExportExerciseRef =
  { source: 'catalog'; id: string; name: string } | { source: 'own'; id: string; name: string };

export type ExportExerciseKind =
  | 'weight_reps'
  | 'bodyweight_reps'
  | 'weighted_bodyweight'
  | 'assisted_bodyweight'
  | 'duration'
  | 'distance_duration';

export interface ExportExercise {
  id: string;
  name: string;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  equipment: string;
  /** How a set is measured. */
  kind: ExportExerciseKind;
  archived: boolean;
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
  /** Exercises with the same number in one workout form a superset. */
  supersetGroup: number | null;
  notes: string;
  sets: ExportSet[];
}

export interface ExportWorkout {
  id: string;
  /** The user's local date of the workout. */
  date: string;
  /** ISO 8601 instants. */
  startedAt: string;
  endedAt: string | null;
  notes: string;
  /** The routine it was started from: an id of `routines[]`. */
  routineId: string | null;
  exercises: ExportWorkoutExercise[];
}

export interface ExportRoutine {
  id: string;
  name: string;
  notes: string;
  /** Target sets: any value may be null. */
  exercises: ExportWorkoutExercise[];
}

export interface ExportBodyWeight {
  date: string;
  weightKg: number;
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
