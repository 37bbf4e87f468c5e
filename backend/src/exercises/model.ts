import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

import { idempotentCreates } from '../lib/idempotency';

import { EQUIPMENT, EXERCISE_KINDS, MUSCLES } from './kinds';
import { maxTextLength } from '../lib/text-length';

/** One collection for the shared catalog (`ownerId` null) and each user's own exercises. */
const exerciseSchema = new Schema(
  {
    ownerId: { type: Types.ObjectId, default: null, ref: 'User' },
    /** The stable key of a catalog exercise (its `_id` is derived from it); null for users' own. */
    catalogKey: { type: String, default: null },
    /** A hash of the catalog data that wrote this document, so a start can skip an unchanged seed. */
    catalogVersion: { type: String, default: null },
    name: { type: String, required: true, validate: maxTextLength(100) },
    /** The name lower-cased with punctuation as spaces: what search matches and lists sort by. */
    searchName: { type: String, required: true },
    primaryMuscles: { type: [{ type: String, enum: MUSCLES }], default: [] },
    secondaryMuscles: { type: [{ type: String, enum: MUSCLES }], default: [] },
    equipment: { type: String, enum: EQUIPMENT, required: true },
    kind: { type: String, enum: EXERCISE_KINDS, required: true },
    /** A user's exercise is archived rather than deleted: past workouts still refer to it. */
    archivedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

exerciseSchema.index({ ownerId: 1, searchName: 1, _id: 1 });

exerciseSchema.plugin(idempotentCreates);

export type Exercise = InferSchemaType<typeof exerciseSchema>;
export type ExerciseDocument = HydratedDocument<Exercise>;
export const ExerciseModel = model('Exercise', exerciseSchema);
