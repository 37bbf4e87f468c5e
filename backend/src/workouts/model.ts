import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

import { idempotentCreates } from '../lib/idempotency';

const setSchema = new Schema(
  {
    reps: { type: Number, required: true, min: 0 },
    /** Kilograms, the canonical unit. */
    weight: { type: Number, required: true, min: 0 },
  },
  { _id: false },
);

const exerciseSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 100 },
    sets: { type: [setSchema], default: [] },
  },
  { _id: false },
);

const workoutSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    /** The user's local calendar date of the session, `YYYY-MM-DD`. */
    date: { type: String, required: true },
    notes: { type: String, default: '', maxlength: 2000 },
    exercises: { type: [exerciseSchema], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

// Newest first per user: the list query and its cursor walk this index.
workoutSchema.index({ userId: 1, date: -1, _id: -1 });

workoutSchema.plugin(idempotentCreates);

export type Workout = InferSchemaType<typeof workoutSchema>;
export type WorkoutDocument = HydratedDocument<Workout>;
export const WorkoutModel = model('Workout', workoutSchema);
