import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

import { idempotentCreates } from '../lib/idempotency';

import { exerciseEntrySchema } from '../workouts/set-schema';
import { maxTextLength } from '../lib/text-length';

/** A workout template: exercises in order with their target sets. */
const routineSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    name: { type: String, required: true, validate: maxTextLength(100) },
    notes: { type: String, default: '', validate: maxTextLength(2000) },
    exercises: { type: [exerciseEntrySchema], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

routineSchema.index({ userId: 1, _id: 1 });

routineSchema.plugin(idempotentCreates);

export type Routine = InferSchemaType<typeof routineSchema>;
export type RoutineDocument = HydratedDocument<Routine>;
export const RoutineModel = model('Routine', routineSchema);
