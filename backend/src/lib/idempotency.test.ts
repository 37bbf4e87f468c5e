import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { HabitModel } from '../habits/model';
import { WorkoutModel } from '../workouts/model';
import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { deriveId, IDEMPOTENCY_LEASE_MS, IdempotencyRecordModel } from './idempotency';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const workout = {
  startedAt: '2026-05-04T07:00:00Z',
  exercises: [
    {
      exerciseId: catalogExerciseId('barbell-row').toHexString(),
      sets: [{ reps: 10, weight: 40 }],
    },
  ],
};

function createHabit(
  auth: { Authorization: string },
  key: string | undefined,
  body: object = { name: 'Stretch' },
) {
  const req = api().post('/api/habits').set(auth);
  if (key !== undefined) {
    req.set('Idempotency-Key', key);
  }

  return req.send(body);
}

/**
 * As if the instance that served the first attempt died before it could record its answer, and
 * `lockedMs` from now (negative: ago) its lease ends.
 */
async function forgetAnswer(userId: string, key: string, { lockedMs = -1000 } = {}) {
  await IdempotencyRecordModel.updateOne(
    { userId, key },
    {
      $set: {
        state: 'pending',
        status: null,
        body: null,
        lockedUntil: new Date(Date.now() + lockedMs),
      },
    },
  );
}

describe('POST /api/habits with an Idempotency-Key', () => {
  it('answers a retry with the first answer, byte for byte, and creates one habit', async () => {
    const { auth, user } = await buildUser();

    const first = await createHabit(auth, 'retry-key-0001');
    const retry = await createHabit(auth, 'retry-key-0001');

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(1);
  });

  it('creates again for another key, and without a key every time', async () => {
    const { auth, user } = await buildUser();

    await createHabit(auth, 'first-key-0001').expect(201);
    await createHabit(auth, 'second-key-0001').expect(201);
    await createHabit(auth, undefined).expect(201);
    await createHabit(auth, undefined).expect(201);

    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(4);
  });

  it('answers 422 to the same key with another body, and creates nothing more', async () => {
    const { auth, user } = await buildUser();
    await createHabit(auth, 'reused-key-0001', { name: 'Stretch' }).expect(201);

    const reused = await createHabit(auth, 'reused-key-0001', { name: 'Something else' });

    expectError(reused, 422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key');
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(1);
  });

  it('answers 422 when the same key is sent to another create route', async () => {
    const { auth } = await buildUser();
    await createHabit(auth, 'shared-key-0001').expect(201);

    const other = await api()
      .post('/api/workouts')
      .set(auth)
      .set('Idempotency-Key', 'shared-key-0001')
      .send(workout);

    expectError(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await WorkoutModel.countDocuments({})).toBe(0);
  });

  it('keeps keys per user: another user’s same key creates that user’s own habit', async () => {
    const alice = await buildUser();
    const bob = await buildUser();

    const forAlice = await createHabit(alice.auth, 'same-key-0001');
    const forBob = await createHabit(bob.auth, 'same-key-0001');

    expect(forBob.status).toBe(201);
    expect(forBob.body.id).not.toBe(forAlice.body.id);
    expect(await HabitModel.countDocuments({ userId: bob.user._id })).toBe(1);
  });

  it.each(['short', 'x'.repeat(129), 'has space key', 'semi;colon;key', 'a/b/c/d/e/f'])(
    'answers 400 naming the header for the key %j',
    async (key) => {
      const { auth, user } = await buildUser();

      expectError(await createHabit(auth, key), 400, 'VALIDATION_FAILED', 'Idempotency-Key');
      expect(await HabitModel.countDocuments({ userId: user._id })).toBe(0);
    },
  );

  it('creates one habit for simultaneous requests with one key; the others are told to retry', async () => {
    const { auth, user } = await buildUser();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => createHabit(auth, 'racing-key-0001')),
    );

    const created = answers.filter((res) => res.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((res) => res.body.id)).size).toBe(1);
    for (const res of answers.filter((answer) => answer.status !== 201)) {
      expectError(res, 409, 'IDEMPOTENCY_IN_PROGRESS');
    }
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(1);
    const later = await createHabit(auth, 'racing-key-0001');
    expect(later.body.id).toBe(created[0]?.body.id);
  });

  it('answers 409 while an earlier attempt with the key may still be running', async () => {
    const { auth, user } = await buildUser();
    await createHabit(auth, 'running-key-0001').expect(201);
    await forgetAnswer(user.id, 'running-key-0001', { lockedMs: IDEMPOTENCY_LEASE_MS });

    const retry = await createHabit(auth, 'running-key-0001');

    expectError(retry, 409, 'IDEMPOTENCY_IN_PROGRESS');
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(1);
  });

  it('rebuilds the answer from the habit when the first attempt died after creating it', async () => {
    const { auth, user } = await buildUser();
    const first = await createHabit(auth, 'crashed-key-0001');
    await forgetAnswer(user.id, 'crashed-key-0001');

    const retry = await createHabit(auth, 'crashed-key-0001');

    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(1);
    const record = await IdempotencyRecordModel.findOne({
      userId: user.id,
      key: 'crashed-key-0001',
    });
    expect(record?.state).toBe('done');
    expect(JSON.parse(record?.body ?? '')).toEqual(first.body);
  });

  it('creates the habit when the first attempt died before creating it', async () => {
    const { auth, user } = await buildUser();
    const startedAt = new Date(Date.now() - IDEMPOTENCY_LEASE_MS - 1000);
    await IdempotencyRecordModel.create({
      userId: user._id,
      key: 'early-crash-key-0001',
      fingerprint: (await fingerprintOfFirstAttempt(auth)).fingerprint,
      state: 'pending',
      startedAt,
      lockedUntil: startedAt,
      expiresAt: new Date(Date.now() + 3600_000),
    });

    const retry = await createHabit(auth, 'early-crash-key-0001');

    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(
      deriveId(`${user.id}:early-crash-key-0001`, 0, startedAt).toHexString(),
    );
    expect(await HabitModel.countDocuments({ userId: user._id, name: 'Stretch' })).toBe(1);
  });

  it('gives derived ids the time the key was first seen, so lists keep their creation order', async () => {
    const { auth } = await buildUser();
    const before = Math.floor(Date.now() / 1000);

    const res = await createHabit(auth, 'timed-key-0001');

    const seconds = parseInt(String(res.body.id).slice(0, 8), 16);
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });
});

describe('POST /api/workouts with an Idempotency-Key', () => {
  it('answers a retry with the first answer and creates one workout', async () => {
    const { auth, user } = await buildUser();
    const post = () =>
      api()
        .post('/api/workouts')
        .set(auth)
        .set('Idempotency-Key', 'workout-key-0001')
        .send(workout);

    const first = await post();
    await forgetAnswer(user.id, 'workout-key-0001');
    const rebuilt = await post();
    const replayed = await post();

    expect([first.status, rebuilt.status, replayed.status]).toEqual([201, 201, 201]);
    expect(rebuilt.body).toEqual(first.body);
    expect(replayed.body).toEqual(first.body);
    expect(await WorkoutModel.countDocuments({ userId: user._id })).toBe(1);
  });
});

/** The fingerprint the API stores for `{ name: 'Stretch' }`, read from a throwaway key. */
async function fingerprintOfFirstAttempt(auth: { Authorization: string }) {
  await createHabit(auth, 'probe-key-0001').expect(201);
  const record = await IdempotencyRecordModel.findOne({ key: 'probe-key-0001' });
  await HabitModel.deleteOne({ _id: JSON.parse(record?.body ?? '{}').id });

  return { fingerprint: record?.fingerprint ?? '' };
}
