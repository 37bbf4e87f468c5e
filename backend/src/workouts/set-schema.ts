import { Schema, Types } from 'mongoose';

import { EXERCISE_KINDS } from '../exercises/kinds';
import { SET_TYPES } from './records';
import { maxTextLength } from '../lib/text-length';

/** A set as stored, in a workout (what was done) or a routine (the target). Absent values are null. */
export const setSchema = new Schema(
  {
    type: { type: String, enum: SET_TYPES, default: 'normal' },
    reps: { type: Number, default: null },
    /** Kilograms, unrounded: the canonical unit (see units.ts). */
    weightKg: { type: Number, default: null },
    rpe: { type: Number, default: null },
    durationSeconds: { type: Number, default: null },
    distanceMeters: { type: Number, default: null },
  },
  { _id: false },
);

/** One exercise of a workout or routine, in order. Name and kind are copied from the exercise. */
export const exerciseEntrySchema = new Schema(
  {
    exerciseId: { type: Types.ObjectId, required: true, ref: 'Exercise' },
    name: { type: String, required: true },
    kind: { type: String, enum: EXERCISE_KINDS, required: true },
    /** Exercises with the same number are a superset, done back to back. */
    supersetGroup: { type: Number, default: null },
    notes: { type: String, default: '', validate: maxTextLength(500) },
    sets: { type: [setSchema], default: [] },
  },
  { _id: false },
);
