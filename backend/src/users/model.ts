import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { maxTextLength } from '../lib/text-length';

export const WEEK_STARTS = ['monday', 'sunday'] as const;
export const WEIGHT_UNITS = ['kg', 'lb'] as const;

const userSchema = new Schema(
  {
    // Stored lower-cased: FerretDB has no collation indexes, so the unique index is on this form.
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    name: { type: String, default: '', validate: maxTextLength(100) },
    timezone: { type: String, required: true, default: 'UTC' },
    weekStart: { type: String, enum: WEEK_STARTS, default: 'monday' },
    unit: { type: String, enum: WEIGHT_UNITS, default: 'kg' },
  },
  { timestamps: true, strict: 'throw' },
);

userSchema.index({ email: 1 }, { unique: true });

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;

export const UserModel = model('User', userSchema);
