import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

import { idempotentCreates } from '../lib/idempotency';

export const HABIT_KINDS = ['boolean', 'measurable'] as const;
export const SCHEDULE_TYPES = ['daily', 'weekdays', 'weekly', 'monthly', 'interval'] as const;
export const TARGET_TYPES = ['atLeast', 'atMost'] as const;
export const COMPLETION_STATUSES = ['done', 'skipped'] as const;

const scheduleSchema = new Schema(
  {
    type: { type: String, enum: SCHEDULE_TYPES, required: true, default: 'daily' },
    /** For `weekdays`: 0 (Sunday) to 6 (Saturday). */
    days: { type: [Number], default: undefined },
    /** For `weekly` and `monthly`: how many times in the period. */
    times: { type: Number },
    /** For `interval`: every N days. */
    interval: { type: Number },
  },
  { _id: false },
);

const habitSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    name: { type: String, required: true, maxlength: 100 },
    description: { type: String, default: '', maxlength: 500 },
    color: { type: String, default: '#4f46e5' },
    icon: { type: String, default: '' },
    kind: { type: String, enum: HABIT_KINDS, default: 'boolean' },
    schedule: { type: scheduleSchema, default: () => ({ type: 'daily' }) },
    position: { type: Number, default: 0 },
    archivedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

habitSchema.index({ userId: 1, position: 1, _id: 1 });

habitSchema.plugin(idempotentCreates);

export type Habit = InferSchemaType<typeof habitSchema>;
export type HabitDocument = HydratedDocument<Habit>;
export const HabitModel = model('Habit', habitSchema);

/** One document per habit and local day: the unique index makes marking a day idempotent. */
const completionSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true },
    habitId: { type: Types.ObjectId, required: true },
    /** The user's local calendar date, `YYYY-MM-DD`, never a UTC instant. */
    date: { type: String, required: true },
    status: { type: String, enum: COMPLETION_STATUSES, default: 'done' },
    value: { type: Number, default: null },
    note: { type: String, default: '', maxlength: 500 },
  },
  { timestamps: true, strict: 'throw' },
);

completionSchema.index({ habitId: 1, date: 1 }, { unique: true });
completionSchema.index({ userId: 1, date: 1 });

export type Completion = InferSchemaType<typeof completionSchema>;
export type CompletionDocument = HydratedDocument<Completion>;
export const CompletionModel = model('Completion', completionSchema);
