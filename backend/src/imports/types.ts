/**
 * The normalised form every importer produces, whatever app the file came from. It is plain data
 * with no database ids: persistence turns it into habits, completions and workouts of one user.
 *
 * Parsers stream it as a sequence of events so that a large file is never held whole: a habit is
 * announced before its completions; a workout arrives complete (a workout is small, the file is not).
 */

export const IMPORT_FORMATS = ['loop', 'habitbull', 'strong', 'hevy'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type HabitKind = 'boolean' | 'measurable';
export type TargetType = 'atLeast' | 'atMost';

export type ImportedSchedule =
  | { type: 'daily' }
  /** Every N days. */
  | { type: 'interval'; interval: number }
  /** N times per week. */
  | { type: 'weekly'; times: number }
  /** N times per month. */
  | { type: 'monthly'; times: number };

export interface ImportedHabit {
  /**
   * Identifies the habit within its source (Loop and HabitBull: its name). Two events with the
   * same key are the same habit; a later one replaces what an earlier one said about it.
   */
  key: string;
  name: string;
  kind: HabitKind;
  /** Loop's question ("Did you meditate this morning?"); empty when the source has none. */
  question: string;
  description: string;
  /** HabitBull's category; empty when the source has none. */
  category: string;
  /** Measurable habits only, else empty. */
  unit: string;
  /** Measurable habits only, else null. */
  target: { type: TargetType; value: number } | null;
  /** Null when the source does not say (HabitBull). */
  schedule: ImportedSchedule | null;
  archived: boolean;
  /** `#RRGGBB` upper case, or null when the source has none. */
  color: string | null;
  /** Order in the source list, from 0; null when the source has none. */
  position: number | null;
}

/**
 * One day of one habit. `done` records the day (for a measurable habit with `value`); `skipped`
 * marks a day that does not count against a streak; `none` is a day that carries only a note.
 */
export type CompletionStatus = 'done' | 'skipped' | 'none';

export interface ImportedCompletion {
  /** The user's local calendar date, `YYYY-MM-DD`. */
  date: string;
  status: CompletionStatus;
  /** Measurable habits: the day's value in the habit's unit (Loop's ×1000 already undone). */
  value: number | null;
  note: string;
}

export const SET_TYPES = ['warmup', 'normal', 'drop', 'failure'] as const;
export type SetType = (typeof SET_TYPES)[number];

export type WeightUnit = 'kg' | 'lb';

export interface ImportedSet {
  type: SetType;
  reps: number | null;
  /** Kilograms, float noise removed (see `values.ts`). */
  weightKg: number | null;
  /** The unit the source app wrote the weight in, so a pound user keeps round pounds. */
  weightUnit: WeightUnit | null;
  /** 1 to 10 in half steps. */
  rpe: number | null;
  durationSeconds: number | null;
  distanceMeters: number | null;
}

export interface ImportedExercise {
  /** The exercise's name in the source app; matched to the catalog when persisted. */
  name: string;
  /** Exercises sharing a superset id within a workout form one superset. */
  supersetId: string | null;
  notes: string;
  sets: ImportedSet[];
}

export interface ImportedWorkout {
  /** Identifies the workout within its source (start time and name). */
  key: string;
  /** Local calendar date the workout started on, `YYYY-MM-DD`. */
  date: string;
  /** Local wall-clock start, `YYYY-MM-DDTHH:mm:ss`, no zone: the apps export none. */
  startedAt: string;
  /** Local wall-clock end, or null when the source gives no end or duration. */
  endedAt: string | null;
  name: string;
  notes: string;
  exercises: ImportedExercise[];
}

export type IssueLevel = 'error' | 'warning';

/**
 * A row that could not be read (`error`: left out) or was read with a caveat (`warning`: kept,
 * one value dropped or assumed). `line` is the 1-based line where the row starts.
 */
export interface RowIssue {
  level: IssueLevel;
  file: string;
  line: number;
  message: string;
}

export type ImportEvent =
  | { type: 'habit'; habit: ImportedHabit }
  | { type: 'completion'; habitKey: string; completion: ImportedCompletion }
  | { type: 'workout'; workout: ImportedWorkout }
  | { type: 'issue'; issue: RowIssue };

/** A file handed to an importer: a name (a path inside a zip) and a way to read its bytes. */
export interface SourceFile {
  path: string;
  open(): AsyncIterable<Uint8Array>;
}

/** What the user tells us that the file does not: the unit of unlabelled weights. */
export interface ImportOptions {
  /** For Strong's plain `Weight` column: the unit the app was set to. Defaults to kg. */
  weightUnit?: WeightUnit;
}
