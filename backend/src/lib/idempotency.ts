import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { Schema, Types, model, type Document } from 'mongoose';

import { AppError } from './errors';
import { logger } from './logger';

/**
 * `Idempotency-Key` for creates, so that a client may retry a POST whose answer it never got
 * (a dropped connection, an instance killed mid-request, a 502 or 503) without creating twice.
 *
 * Without transactions (FerretDB has none) the record of a key and the created document cannot be
 * written together, so two things work side by side:
 * - a record per (user, key) in the database, unique, holding the request's fingerprint and,
 *   once answered, the response: a retry gets the same answer; the same key with another body
 *   gets 422;
 * - the documents a keyed request creates get ids derived from the user, the key and the time the
 *   key was first seen (the `idempotentCreates` schema plugin). If an attempt died after creating
 *   but before recording its answer, the retry's insert collides on `_id` and the answer is
 *   rebuilt from the stored document by the route's `replay`.
 * The record lives in the database rather than in Redis because Redis may be down when the retry
 * comes.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,128}$/;
/** An attempt this recent is taken to be still running; after it, a retry may take over. */
export const IDEMPOTENCY_LEASE_MS = 5_000;
/** How long a key is remembered. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;
const SWEEP_INTERVAL_MS = 3600 * 1000;

const recordSchema = new Schema(
  {
    userId: { type: Types.ObjectId, required: true },
    key: { type: String, required: true, maxlength: 128 },
    /** SHA-256 of the method, route and body: the same key must come with the same request. */
    fingerprint: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    /** When the key was first seen; part of the ids of what the request creates. */
    startedAt: { type: Date, required: true },
    /** Until when the running attempt has the key to itself; after it, a retry may run. */
    lockedUntil: { type: Date, required: true },
    status: { type: Number, default: null },
    /** The answer, as JSON text (what the client got, byte for byte). */
    body: { type: String, default: null },
    expiresAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

recordSchema.index({ userId: 1, key: 1 }, { unique: true });
recordSchema.index({ expiresAt: 1 });

export const IdempotencyRecordModel = model('IdempotencyRecord', recordSchema);

interface Attempt {
  userId: string;
  seed: string;
  startedAt: Date;
  /** Ids given to new documents, in the order they were saved. */
  createdIds: Types.ObjectId[];
  recordId: Types.ObjectId;
  options: IdempotencyOptions;
}

const attempts = new AsyncLocalStorage<Attempt>();

export interface IdempotencyOptions {
  /** The answer to give for the resource this request created (its id), read back as it is now. */
  replay: (userId: string, id: string) => Promise<unknown>;
  /** The status a create answers with. */
  status?: number;
}

/** An id that is the same on every attempt of one keyed request; its time part is `startedAt`. */
export function deriveId(seed: string, index: number, startedAt: Date): Types.ObjectId {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt32BE(Math.floor(startedAt.getTime() / 1000), 0);
  createHash('sha256').update(`${seed}:${index}`).digest().copy(bytes, 4, 0, 8);

  return new Types.ObjectId(bytes);
}

/**
 * Schema plugin for every model a keyed create may insert: inside a keyed request, a new
 * document gets a derived id instead of a random one (see above).
 */
export function idempotentCreates(schema: Schema): void {
  schema.pre('save', function (this: Document) {
    const attempt = attempts.getStore();
    if (!attempt || !this.isNew) {
      return;
    }
    const id = deriveId(attempt.seed, attempt.createdIds.length, attempt.startedAt);
    attempt.createdIds.push(id);
    this._id = id;
  });
}

function fingerprintOf(req: Request): string {
  return createHash('sha256')
    .update(`${req.method} ${req.baseUrl}${String((req.route as { path?: unknown }).path)}\n`)
    .update(stableJson(req.body))
    .digest('hex');
}

/** JSON with object keys sorted, so that key order does not change a fingerprint. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`,
      );

    return `{${entries.join(',')}}`;
  }

  return JSON.stringify(value) ?? 'null';
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

function keyOf(req: Request): string | undefined {
  const key = req.get(IDEMPOTENCY_HEADER);
  if (key === undefined) {
    return undefined;
  }
  if (!KEY_FORMAT.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid Idempotency-Key', {
      userMessage: `Invalid input: ${IDEMPOTENCY_HEADER}`,
      details: [
        { field: IDEMPOTENCY_HEADER, message: 'Must be 8 to 128 letters, digits or - _ . :' },
      ],
    });
  }

  return key;
}

function sendStored(res: Response, status: number, body: string): void {
  res.status(status).setHeader('Idempotent-Replayed', 'true');
  res.type('application/json').send(body);
}

type Claim = { kind: 'run'; recordId: Types.ObjectId; startedAt: Date } | { kind: 'answered' };

/** Claims the key for this attempt, or answers from (or about) an earlier attempt. */
async function claim(userId: string, key: string, fingerprint: string, res: Response) {
  const now = new Date();
  try {
    const record = await IdempotencyRecordModel.create({
      userId,
      key,
      fingerprint,
      state: 'pending',
      startedAt: now,
      lockedUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS),
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_RETENTION_MS),
    });

    return { kind: 'run', recordId: record._id, startedAt: now } satisfies Claim;
  } catch (error) {
    if (!isDuplicateKey(error)) {
      throw error;
    }
  }

  const earlier = await IdempotencyRecordModel.findOne({ userId, key });
  if (!earlier) {
    throw inProgress();
  }
  if (earlier.fingerprint !== fingerprint) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key reused with another request', {
      userMessage: 'This Idempotency-Key was used for a different request',
      details: [{ field: IDEMPOTENCY_HEADER, message: 'Already used for a different request' }],
    });
  }
  if (earlier.state === 'done' && typeof earlier.status === 'number' && earlier.body) {
    sendStored(res, earlier.status, earlier.body);

    return { kind: 'answered' } satisfies Claim;
  }
  if (earlier.lockedUntil > now) {
    throw inProgress();
  }

  // The earlier attempt died (or is very slow): run again. What it created keeps its derived id,
  // so running again cannot create it twice. (Two retries may both get here: FerretDB updates are
  // not atomic, so the lease is a courtesy; the derived ids are what prevents a second copy.)
  await IdempotencyRecordModel.updateOne(
    { _id: earlier._id },
    { $set: { lockedUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS) } },
  );

  return { kind: 'run', recordId: earlier._id, startedAt: earlier.startedAt } satisfies Claim;
}

function inProgress(): AppError {
  return new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this key is in progress', {
    userMessage: 'The same request is still being processed; retry in a moment',
  });
}

/** Stores the answer before it leaves, so that a retry gets exactly what this client got. */
function recordAnswer(res: Response, attempt: Attempt): void {
  const send = res.send.bind(res);
  res.send = ((body: unknown) => {
    if (res.statusCode < 200 || res.statusCode >= 300 || typeof body !== 'string') {
      return send(body);
    }
    IdempotencyRecordModel.updateOne(
      { _id: attempt.recordId },
      { $set: { state: 'done', status: res.statusCode, body } },
    )
      .catch((error: unknown) =>
        // The answer still goes out; a retry then rebuilds it from the created document.
        logger.warn('idempotency record not saved', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => send(body));

    return res;
  }) as Response['send'];
}

const idempotentHandlers = new WeakSet<RequestHandler>();

/**
 * Middleware for a create route, after validation: honours `Idempotency-Key` (optional). Needs
 * `recoverIdempotentCreate` among the error handlers and `idempotentCreates` on the models.
 */
export function idempotent(options: IdempotencyOptions): RequestHandler {
  const handler: RequestHandler = async (req, res, next) => {
    const key = keyOf(req);
    const userId = req.auth?.userId;
    if (key === undefined || userId === undefined) {
      next();
      return;
    }

    const claimed = await claim(userId, key, fingerprintOf(req), res);
    if (claimed.kind === 'answered') {
      return;
    }

    const attempt: Attempt = {
      userId,
      seed: `${userId}:${key}`,
      startedAt: claimed.startedAt,
      createdIds: [],
      recordId: claimed.recordId,
      options,
    };
    res.locals.idempotentAttempt = attempt;
    recordAnswer(res, attempt);
    attempts.run(attempt, next);
  };
  idempotentHandlers.add(handler);

  return handler;
}

/** Whether a handler is `idempotent(…)` (the route table checks every create has one). */
export function isIdempotentHandler(handler: RequestHandler): boolean {
  return idempotentHandlers.has(handler);
}

/**
 * Error handler for keyed creates: a collision on a derived id means an earlier attempt created
 * the document, so answer as it would have; any other failure frees the key for a retry.
 */
export const recoverIdempotentCreate: ErrorRequestHandler = async (error, _req, res, next) => {
  const attempt = res.locals.idempotentAttempt as Attempt | undefined;
  const createdId = attempt?.createdIds[0];
  if (!attempt) {
    next(error);
    return;
  }
  if (isDuplicateKey(error) && createdId) {
    const body = await replayCreated(attempt, createdId);
    if (body !== undefined) {
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(attempt.options.status ?? 201).json(body);
      return;
    }
  }

  // Nothing was created, so the key is freed for a retry. Once a document may have been created
  // the record stays: a retry after the lease runs again with the same derived ids.
  if (attempt.createdIds.length === 0) {
    await IdempotencyRecordModel.deleteOne({ _id: attempt.recordId, state: 'pending' }).catch(
      () => undefined,
    );
  }
  next(error);
};

/** The answer for the document an earlier attempt created, or undefined if there is none. */
async function replayCreated(attempt: Attempt, id: Types.ObjectId): Promise<unknown> {
  try {
    return await attempt.options.replay(attempt.userId, id.toHexString());
  } catch (error) {
    // The collision was on another unique index: a real conflict, answered as such.
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return undefined;
    }
    throw error;
  }
}

/** Deletes keys past their retention, every hour (FerretDB has no TTL indexes). */
export function startIdempotencySweeper(): NodeJS.Timeout {
  const timer = setInterval(() => {
    IdempotencyRecordModel.deleteMany({ expiresAt: { $lt: new Date() } }).catch((error: unknown) =>
      logger.warn('idempotency sweep failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }, SWEEP_INTERVAL_MS);
  timer.unref();

  return timer;
}
