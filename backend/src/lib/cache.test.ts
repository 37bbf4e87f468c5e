import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { CACHE_ENTRY_TTL_SECONDS, cacheCounters } from './cache';
import { config } from './config';
import { redis } from './redis';
import { quarterHourOf } from './time';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const legDay = {
  startedAt: '2026-03-14T17:00:00+01:00',
  exercises: [
    { exerciseId: catalogExerciseId('back-squat').toHexString(), sets: [{ reps: 5, weight: 100 }] },
  ],
};

async function createHabit(owner: TestUser, name: string): Promise<string> {
  const res = await api().post('/api/habits').set(owner.auth).send({ name });
  expect(res.status).toBe(201);

  return res.body.id as string;
}

async function createWorkout(owner: TestUser): Promise<string> {
  const res = await api().post('/api/workouts').set(owner.auth).send(legDay);
  expect(res.status).toBe(201);

  return res.body.id as string;
}

function habitNames(res: { body: { items: Array<{ name: string }> } }): string[] {
  return res.body.items.map((habit) => habit.name);
}

/** Every cache entry stored for the user, read straight from Redis (test Redis only). */
async function entryKeysOf(owner: TestUser): Promise<string[]> {
  const pattern = `${config.redisKeyPrefix}cache:user:${owner.user.id}:v*`;
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...found.map((key) => key.slice(config.redisKeyPrefix.length)));
  } while (cursor !== '0');

  return keys;
}

describe('GET /api/habits (response cache)', () => {
  it('answers MISS, then HIT with the same body and the same strong ETag', async () => {
    const owner = await buildUser();
    await createHabit(owner, 'Stretch');

    const miss = await api().get('/api/habits').set(owner.auth);
    const hit = await api().get('/api/habits').set(owner.auth);

    expect(miss.status).toBe(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit.status).toBe(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.body).toEqual(miss.body);
    expect(habitNames(hit)).toEqual(['Stretch']);
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(miss.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(hit.headers.etag).toBe(miss.headers.etag);
    expect(hit.headers['cache-control']).toBe('private, no-cache');
    expect(hit.headers.vary).toMatch(/Authorization/);
  });

  it('answers 304 without a body to a matching If-None-Match, and 200 to another ETag', async () => {
    const owner = await buildUser();
    await createHabit(owner, 'Stretch');
    const first = await api().get('/api/habits').set(owner.auth);

    const notModified = await api()
      .get('/api/habits')
      .set(owner.auth)
      .set('If-None-Match', first.headers.etag as string);
    const changed = await api()
      .get('/api/habits')
      .set(owner.auth)
      .set('If-None-Match', '"some-other-version"');

    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(first.headers.etag);
    expect(changed.status).toBe(200);
    expect(habitNames(changed)).toEqual(['Stretch']);
  });

  it('answers 304 on a MISS too when the client already holds the current version', async () => {
    const owner = await buildUser();
    await createHabit(owner, 'Stretch');
    const first = await api().get('/api/habits').set(owner.auth);
    // Another habit and its removal: the data is the same again, the cache generation is not.
    const extra = await createHabit(owner, 'Extra');
    await api().delete(`/api/habits/${extra}`).set(owner.auth).expect(204);

    const res = await api()
      .get('/api/habits')
      .set(owner.auth)
      .set('If-None-Match', first.headers.etag as string);

    expect(res.headers['x-cache']).toBe('MISS');
    expect(res.status).toBe(304);
  });

  it('never serves one user’s cached response to another for the same URL', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    await createHabit(alice, 'Alice habit');
    await createHabit(bob, 'Bob habit');
    await api().get('/api/habits').set(alice.auth).expect(200);
    const aliceHit = await api().get('/api/habits').set(alice.auth);

    const bobFirst = await api().get('/api/habits').set(bob.auth);
    const bobSecond = await api().get('/api/habits').set(bob.auth);

    expect(aliceHit.headers['x-cache']).toBe('HIT');
    expect(bobFirst.headers['x-cache']).toBe('MISS');
    expect(habitNames(bobFirst)).toEqual(['Bob habit']);
    expect(bobSecond.headers['x-cache']).toBe('HIT');
    expect(habitNames(bobSecond)).toEqual(['Bob habit']);
    expect(bobFirst.headers.etag).not.toBe(aliceHit.headers.etag);
  });

  it('answers 404 for another user’s habit even when its owner has it cached', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const habitId = await createHabit(alice, 'Alice habit');
    await api().get(`/api/habits/${habitId}`).set(alice.auth).expect(200);

    const res = await api().get(`/api/habits/${habitId}`).set(bob.auth);

    expectError(res, 404, 'NOT_FOUND');
    expect(res.headers['x-cache']).toBe('MISS');
  });

  it('does not cache errors: a 404 and a 400 stay MISS and store nothing', async () => {
    const owner = await buildUser();
    const missing = '507f1f77bcf86cd799439011';

    const notFound = [
      await api().get(`/api/habits/${missing}`).set(owner.auth),
      await api().get(`/api/habits/${missing}`).set(owner.auth),
    ];
    const invalid = [
      await api().get('/api/habits?limit=0').set(owner.auth),
      await api().get('/api/habits?limit=0').set(owner.auth),
    ];

    for (const res of notFound) {
      expectError(res, 404, 'NOT_FOUND');
      expect(res.headers['x-cache']).toBe('MISS');
    }
    for (const res of invalid) {
      expectError(res, 400, 'VALIDATION_FAILED', 'limit');
      expect(res.headers['x-cache']).toBe('MISS');
    }
    expect(await entryKeysOf(owner)).toEqual([]);
  });

  it('stores each entry with an expiry of CACHE_ENTRY_TTL_SECONDS', async () => {
    const owner = await buildUser();

    await api().get('/api/habits?limit=5').set(owner.auth).expect(200);

    const keys = await entryKeysOf(owner);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/:\/api\/habits\?limit=5$/);
    const ttl = await redis.ttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(CACHE_ENTRY_TTL_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(CACHE_ENTRY_TTL_SECONDS);
  });

  it('keeps the full URL in the key: another query string is another entry', async () => {
    const owner = await buildUser();
    await createHabit(owner, 'A');
    await createHabit(owner, 'B');
    await api().get('/api/habits?limit=1').set(owner.auth).expect(200);

    const other = await api().get('/api/habits?limit=2').set(owner.auth);

    expect(other.headers['x-cache']).toBe('MISS');
    expect(habitNames(other)).toEqual(['A', 'B']);
  });

  it('answers from the database when the request says Cache-Control: no-cache', async () => {
    const owner = await buildUser();
    await api().get('/api/habits').set(owner.auth).expect(200);

    const fresh = await api().get('/api/habits').set(owner.auth).set('Cache-Control', 'no-cache');
    const cached = await api().get('/api/habits').set(owner.auth).set('Cache-Control', 'max-age=0');

    expect(fresh.status).toBe(200);
    expect(fresh.headers['x-cache']).toBe('BYPASS');
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(fresh.headers.etag).toBe(cached.headers.etag);
  });

  it('counts hits and misses', async () => {
    const owner = await buildUser();
    const before = cacheCounters();

    await api().get('/api/habits').set(owner.auth).expect(200);
    await api().get('/api/habits').set(owner.auth).expect(200);
    await api().get('/api/habits').set(owner.auth).expect(200);

    expect(cacheCounters()).toEqual({
      hits: before.hits + 2,
      misses: before.misses + 1,
      bypasses: before.bypasses,
    });
  });
});

describe('cache invalidation by writes', () => {
  it('a new habit shows at once: the write moves the user to a new generation', async () => {
    const owner = await buildUser();
    await createHabit(owner, 'First');
    await api().get('/api/habits').set(owner.auth).expect(200);

    await createHabit(owner, 'Second');
    const after = await api().get('/api/habits').set(owner.auth);

    expect(after.headers['x-cache']).toBe('MISS');
    expect(habitNames(after)).toEqual(['First', 'Second']);
  });

  it('bumps the generation before the write’s response is sent', async () => {
    const owner = await buildUser();
    const key = `cache:user:${owner.user.id}:generation`;
    const before = Number((await redis.get(key)) ?? 0);

    await createHabit(owner, 'Anything');

    expect(Number(await redis.get(key))).toBe(before + 1);
  });

  it.each([
    ['PATCH a habit', (id: string) => api().patch(`/api/habits/${id}`).send({ name: 'Renamed' })],
    ['DELETE a habit', (id: string) => api().delete(`/api/habits/${id}`)],
    ['PUT a completion', (id: string) => api().put(`/api/habits/${id}/completions/2026-03-14`)],
  ])('%s invalidates the one habit, the list and today', async (_name, write) => {
    const owner = await buildUser();
    const habitId = await createHabit(owner, 'Walk');
    const urls = [`/api/habits/${habitId}`, '/api/habits', '/api/today?date=2026-03-14'];
    for (const url of urls) {
      await api().get(url).set(owner.auth).expect(200);
      expect((await api().get(url).set(owner.auth)).headers['x-cache']).toBe('HIT');
    }

    expect((await write(habitId).set(owner.auth)).status).toBeLessThan(300);

    for (const url of urls) {
      expect((await api().get(url).set(owner.auth)).headers['x-cache']).toBe('MISS');
    }
  });

  it('a completion marked today shows in GET /api/today at once', async () => {
    const owner = await buildUser();
    const habitId = await createHabit(owner, 'Walk');
    const before = await api().get('/api/today?date=2026-03-14').set(owner.auth);

    await api().put(`/api/habits/${habitId}/completions/2026-03-14`).set(owner.auth).expect(200);
    const after = await api().get('/api/today?date=2026-03-14').set(owner.auth);

    expect(before.body.habits[0].completion).toBeNull();
    expect(after.body.habits[0].completion).toMatchObject({ date: '2026-03-14' });
  });

  it('a refused write (400) leaves the cache as it was', async () => {
    const owner = await buildUser();
    await api().get('/api/habits').set(owner.auth).expect(200);

    await api().post('/api/habits').set(owner.auth).send({ name: '' }).expect(400);
    const res = await api().get('/api/habits').set(owner.auth);

    expect(res.headers['x-cache']).toBe('HIT');
  });

  it('one user’s write leaves another user’s cache alone', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    await api().get('/api/habits').set(bob.auth).expect(200);

    await createHabit(alice, 'Alice habit');
    const res = await api().get('/api/habits').set(bob.auth);

    expect(res.headers['x-cache']).toBe('HIT');
  });
});

describe('GET /api/workouts (response cache)', () => {
  it('caches the list and one workout, and a change shows at once', async () => {
    const owner = await buildUser();
    const workoutId = await createWorkout(owner);
    for (const url of ['/api/workouts', `/api/workouts/${workoutId}`]) {
      await api().get(url).set(owner.auth).expect(200);
      expect((await api().get(url).set(owner.auth)).headers['x-cache']).toBe('HIT');
    }

    await api()
      .patch(`/api/workouts/${workoutId}`)
      .set(owner.auth)
      .send({ notes: 'Heavy' })
      .expect(200);
    const one = await api().get(`/api/workouts/${workoutId}`).set(owner.auth);
    const list = await api().get('/api/workouts').set(owner.auth);

    expect(one.headers['x-cache']).toBe('MISS');
    expect(one.body.notes).toBe('Heavy');
    expect(list.headers['x-cache']).toBe('MISS');
    expect(list.body.items[0].notes).toBe('Heavy');
  });
});

describe('GET /api/today (response cache)', () => {
  it('caches the answer for the current day when no date is given', async () => {
    const owner = await buildUser();
    await createHabit(owner, 'Walk');

    const quarterBefore = quarterHourOf();
    const miss = await api().get('/api/today').set(owner.auth);
    const hit = await api().get('/api/today').set(owner.auth);
    const quarterAfter = quarterHourOf();

    expect(miss.headers['x-cache']).toBe('MISS');
    // Should the quarter hour turn between the two requests, the second is a MISS by design.
    expect(hit.headers['x-cache']).toBe(quarterBefore === quarterAfter ? 'HIT' : 'MISS');
    expect(hit.body).toEqual(miss.body);
    const keys = await entryKeysOf(owner);
    expect(keys.some((key) => key.endsWith(`:/api/today#q${quarterBefore}`))).toBe(true);
  });
});
