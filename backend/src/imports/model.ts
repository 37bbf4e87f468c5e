import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const IMPORT_JOB_FORMATS = ['loop', 'habitbull', 'strong', 'hevy', 'export-json'] as const;
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;

export type ImportJobFormat = (typeof IMPORT_JOB_FORMATS)[number];

const problemSchema = new Schema(
  {
    line: { type: Number, default: null },
    file: { type: String, default: null },
    reason: { type: String, required: true },
  },
  { _id: false },
);

/**
 * One import of one file: its progress while it runs, its result or error after. The process
 * running it moves `heartbeatAt` on every few seconds; a running job whose heartbeat stopped (the
 * process died or was restarted) is marked failed the next time it is read.
 */
const importJobSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true, ref: 'User' },
    format: { type: String, enum: IMPORT_JOB_FORMATS, required: true },
    fileName: { type: String, default: null },
    status: { type: String, enum: IMPORT_STATUSES, default: 'running' },
    progress: {
      done: { type: Number, default: 0 },
      total: { type: Number, default: 0 },
    },
    result: {
      type: new Schema(
        {
          habits: Number,
          days: Number,
          workouts: Number,
          sets: Number,
          exercises: Number,
          skipped: Number,
        },
        { _id: false },
      ),
      default: null,
    },
    error: {
      type: new Schema({ code: String, message: String }, { _id: false }),
      default: null,
    },
    /** Rows the parser or the rules refused or changed, the first MAX_LISTED_PROBLEMS of them. */
    problems: { type: [problemSchema], default: [] },
    problemCount: { type: Number, default: 0 },
    heartbeatAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

importJobSchema.index({ userId: 1, createdAt: -1 });

export type ImportJob = InferSchemaType<typeof importJobSchema>;
export type ImportJobDocument = HydratedDocument<ImportJob>;
export const ImportJobModel = model('ImportJob', importJobSchema);

/**
 * What an import made from an item of a file, by the item's stable key (its source and a hash of
 * what identifies it there): importing the same file again finds the habit made the first time
 * instead of making another. Workouts need no entry: their `clientId` is the key.
 */
const importedItemSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true },
    key: { type: String, required: true },
    itemId: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

importedItemSchema.index({ userId: 1, key: 1 }, { unique: true });

export const ImportedItemModel = model('ImportedItem', importedItemSchema);
