import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

import { idempotentCreates } from '../lib/idempotency';
import { exerciseEntrySchema } from './set-schema';
import { maxTextLength } from '../lib/text-length';

const workoutSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    /**
     * Chosen by the client when the workout starts (or by the server): saving the same workout
     * twice, from a double tap or a retried request, finds this one instead of making another.
     */
    clientId: { type: String, required: true },
    /** The user's local calendar date of the session, `YYYY-MM-DD`. */
    date: { type: String, required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    notes: { type: String, default: '', validate: maxTextLength(2000) },
    routineId: { type: Types.ObjectId, default: null, ref: 'Routine' },
    exercises: { type: [exerciseEntrySchema], default: [] },
    /** Total volume in kilograms (see records.ts), kept on write so totals are one `$sum`. */
    volumeKg: { type: Number, default: 0 },
  },
  { timestamps: true, strict: 'throw' },
);

// Newest first per user: the list query and its cursor walk this index.
workoutSchema.index({ userId: 1, startedAt: -1, _id: -1 });
workoutSchema.index({ userId: 1, clientId: 1 }, { unique: true });
// History, last values and records of one exercise.
workoutSchema.index({ userId: 1, 'exercises.exerciseId': 1, startedAt: -1 });
// Progress by week, and whether another workout keeps a linked habit's day done.
workoutSchema.index({ userId: 1, date: 1 });

workoutSchema.plugin(idempotentCreates);

export type Workout = InferSchemaType<typeof workoutSchema>;
export type WorkoutDocument = HydratedDocument<Workout>;
export const WorkoutModel = model('Workout', workoutSchema);
