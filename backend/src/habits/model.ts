import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

import { idempotentCreates } from '../lib/idempotency';
import { maxTextLength } from '../lib/text-length';

export const HABIT_KINDS = ['boolean', 'measurable'] as const;
export const SCHEDULE_TYPES = ['daily', 'weekdays', 'weekly', 'monthly', 'interval'] as const;
export const TARGET_TYPES = ['atLeast', 'atMost'] as const;
/** What a request may record for a day. */
export const COMPLETION_STATUSES = ['done', 'skipped'] as const;
/** Who recorded a day: the user by hand, or a logged workout for a habit linked to workouts. */
export const COMPLETION_SOURCES = ['hand', 'workout'] as const;
/**
 * What a stored day may hold: also `none`, a day with only a note. Loop and HabitBull keep notes on
 * days that were not done; an import keeps them as such days, which count as no entry at all for
 * schedules, streaks and scores (they test for `done` and `skipped` only).
 */
export const STORED_COMPLETION_STATUSES = [...COMPLETION_STATUSES, 'none'] as const;

export type HabitKind = (typeof HABIT_KINDS)[number];
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];
export type StoredCompletionStatus = (typeof STORED_COMPLETION_STATUSES)[number];
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

/**
 * One schedule of a habit, in force from `from` (a local date) until the next one's `from`. A
 * change appends an entry instead of rewriting the last, so past periods keep the rules they
 * were judged by (see rules/schedule.ts).
 */
const scheduleSchema = new Schema(
  {
    from: { type: String, required: true },
    type: { type: String, enum: SCHEDULE_TYPES, required: true },
    /** For `weekdays`: 0 (Sunday) to 6 (Saturday). */
    days: { type: [Number], default: undefined },
    /** For `weekly` and `monthly` yes/no habits: how many days in the period. */
    times: { type: Number },
    /** For `interval`: every N days. */
    interval: { type: Number },
  },
  { _id: false },
);

/** A measurable habit's target: at least or at most `value` `unit`s a day or a period. */
const targetSchema = new Schema(
  {
    type: { type: String, enum: TARGET_TYPES, required: true },
    value: { type: Number, required: true },
    unit: { type: String, default: '', validate: maxTextLength(20) },
  },
  { _id: false },
);

const habitSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    name: { type: String, required: true, validate: maxTextLength(100) },
    description: { type: String, default: '', validate: maxTextLength(500) },
    color: { type: String, default: '#4f46e5' },
    /** An emoji or a short icon name. */
    icon: { type: String, default: '', validate: maxTextLength(16) },
    kind: { type: String, enum: HABIT_KINDS, default: 'boolean' },
    target: { type: targetSchema, default: null },
    /** The first local date the habit counts; moved back when an earlier day is recorded. */
    startDate: { type: String, required: true },
    schedules: { type: [scheduleSchema], required: true },
    /** Local wall-clock time `HH:MM` of the reminder, or null. */
    reminderTime: { type: String, default: null },
    position: { type: Number, default: 0 },
    archivedAt: { type: Date, default: null },
    /** Done by logging a workout: each workout marks its local day (see workouts/service.ts). */
    linkedToWorkouts: { type: Boolean, default: false },
  },
  { timestamps: true, strict: 'throw' },
);

// The list (active or archived, in the user's order) and the cursor's tie-break.
habitSchema.index({ userId: 1, archivedAt: 1, position: 1, _id: 1 });

habitSchema.plugin(idempotentCreates);

export type Habit = InferSchemaType<typeof habitSchema>;
export type HabitDocument = HydratedDocument<Habit>;
export const HabitModel = model('Habit', habitSchema);

/**
 * One document per habit and local day: the unique index makes marking a day idempotent. The
 * week and month keys are written with the date so that statistics can `$group` by them: FerretDB
 * has no date operators, and the local date is a string anyway.
 */
const completionSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true },
    habitId: { type: Types.ObjectId, required: true },
    /** The user's local calendar date, `YYYY-MM-DD`, never a UTC instant. */
    date: { type: String, required: true },
    /** ISO week of `date` (Monday weeks), `YYYY-Www`. */
    isoWeek: { type: String, required: true },
    /** The Sunday starting the Sunday-to-Saturday week of `date`, `YYYY-MM-DD`. */
    sundayWeek: { type: String, required: true },
    /** `YYYY-MM`. */
    month: { type: String, required: true },
    status: { type: String, enum: STORED_COMPLETION_STATUSES, default: 'done' },
    /** A measurable habit's value for the day; null for yes/no habits, skipped and note-only days. */
    value: { type: Number, default: null },
    note: { type: String, default: '', validate: maxTextLength(500) },
    /**
     * Only a `workout` mark is taken back when the day's last workout goes; a day the user
     * recorded by hand stays. Completions saved before this field existed have none, and are
     * kept like hand marks (queries for `workout` never match them).
     */
    source: { type: String, enum: COMPLETION_SOURCES, default: 'hand' },
  },
  { timestamps: true, strict: 'throw' },
);

// A habit's days in a date range (history, streaks, score) and idempotent marking.
completionSchema.index({ habitId: 1, date: 1 }, { unique: true });
// All of a user's habits over a date range (Today, the dashboard).
completionSchema.index({ userId: 1, date: 1 });

export type Completion = InferSchemaType<typeof completionSchema>;
export type CompletionDocument = HydratedDocument<Completion>;
export const CompletionModel = model('Completion', completionSchema);
