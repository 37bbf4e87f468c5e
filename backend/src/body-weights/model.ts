import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

/** One body-weight entry per user and local day: the unique index makes saving a day idempotent. */
const bodyWeightSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    /** The user's local calendar date, `YYYY-MM-DD`. */
    date: { type: String, required: true },
    /** Kilograms, unrounded (see workouts/units.ts). */
    weightKg: { type: Number, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

bodyWeightSchema.index({ userId: 1, date: 1 }, { unique: true });

export type BodyWeight = InferSchemaType<typeof bodyWeightSchema>;
export type BodyWeightDocument = HydratedDocument<BodyWeight>;
export const BodyWeightModel = model('BodyWeight', bodyWeightSchema);
