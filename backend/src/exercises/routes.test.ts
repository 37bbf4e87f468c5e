import type { Response } from 'supertest';

import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { CATALOG } from './catalog';
import { ExerciseModel } from './model';
import { catalogExerciseId, seedExerciseCatalog } from './seed';
import { toSearchName } from './search';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const squatId = catalogExerciseId('back-squat').toHexString();

const landmineRow = {
  name: 'Landmine Meadows Row',
  primaryMuscles: ['upper_back', 'lats'],
  secondaryMuscles: ['biceps'],
  equipment: 'barbell',
  kind: 'weight_reps',
};

type Listed = { id: string; name: string; isCustom: boolean };

async function listAll(auth: { Authorization: string }, query: string): Promise<Listed[]> {
  const items: Listed[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await api()
      .get(`/api/exercises?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      .set(auth);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);

  return items;
}

describe('seeding the catalog', () => {
  it('writes every catalog exercise once, however often and however concurrently it runs', async () => {
    await Promise.all([seedExerciseCatalog(), seedExerciseCatalog(), seedExerciseCatalog()]);
    await ExerciseModel.updateMany({ ownerId: null }, { $set: { catalogVersion: 'old' } });
    await Promise.all([seedExerciseCatalog(), seedExerciseCatalog()]);

    expect(await ExerciseModel.countDocuments({ ownerId: null })).toBe(CATALOG.length);
    const squat = await ExerciseModel.findById(squatId);
    expect(squat?.name).toBe('Back Squat');
  });
});

describe('GET /api/exercises', () => {
  it('lists the whole catalog in name order, a page at a time', async () => {
    const { auth } = await buildUser();

    const items = await listAll(auth, 'scope=catalog');

    expect(items).toHaveLength(CATALOG.length);
    const names = items.map((item) => toSearchName(item.name));
    expect(names).toEqual([...names].sort());
  });

  it('finds exercises by every word of the query, in any case, hyphens or not', async () => {
    const { auth } = await buildUser();

    const res = await api().get('/api/exercises?q=CLOSE%20grip').set(auth);
    const pullUps = await api().get('/api/exercises?q=pull-up').set(auth);

    expect(res.body.items.map((item: Listed) => item.name)).toEqual([
      'Close-Grip Bench Press',
      'Close-Grip Lat Pulldown',
    ]);
    expect(pullUps.body.items.map((item: Listed) => item.name)).toEqual([
      'Assisted Pull-Up',
      'Band-Assisted Pull-Up',
      'Pull-Up',
      'Weighted Pull-Up',
    ]);
  });

  it('treats the query as text, not as a pattern', async () => {
    const { auth } = await buildUser();

    const res = await api().get('/api/exercises?q=.*').set(auth);

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(20);
    const none = await api().get('/api/exercises?q=%5Bpress').set(auth);
    expect(none.body.items.map((item: Listed) => item.name)).toContain('Bench Press');
  });

  it('filters by primary muscle, equipment and kind together', async () => {
    const { auth } = await buildUser();

    const res = await api()
      .get('/api/exercises?muscle=biceps&equipment=ez_bar&kind=weight_reps')
      .set(auth);

    expect(res.body.items.map((item: Listed) => item.name)).toEqual([
      'EZ-Bar Curl',
      'Preacher Curl',
      'Reverse Curl',
    ]);
  });

  it('shows a user’s own exercises to that user only', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    await api().post('/api/exercises').set(alice.auth).send(landmineRow);

    const forAlice = await api().get('/api/exercises?q=meadows').set(alice.auth);
    const forBob = await api().get('/api/exercises?q=meadows').set(bob.auth);
    const mine = await api().get('/api/exercises?scope=mine').set(alice.auth);

    expect(forAlice.body.items).toEqual([
      expect.objectContaining({ name: 'Landmine Meadows Row', isCustom: true }),
    ]);
    expect(forBob.body.items).toEqual([]);
    expect(mine.body.items.map((item: Listed) => item.name)).toEqual(['Landmine Meadows Row']);
  });

  it.each([
    'muscle=wings',
    'equipment=spaceship',
    'kind=vibes',
    'scope=everyone',
    'q=a&q=b',
    `q=${'x'.repeat(101)}`,
    'limit=101',
    'cursor=nope',
  ])('answers 400 for ?%s', async (query) => {
    const { auth } = await buildUser();

    expectError(await api().get(`/api/exercises?${query}`).set(auth), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /api/exercises/options', () => {
  it('names the muscles, equipment and kinds', async () => {
    const { auth } = await buildUser();

    const res = await api().get('/api/exercises/options').set(auth);

    expect(res.body.kinds).toEqual([
      'weight_reps',
      'bodyweight_reps',
      'weighted_bodyweight',
      'assisted_bodyweight',
      'duration',
      'distance_duration',
    ]);
    expect(res.body.muscles).toContain('quadriceps');
    expect(res.body.equipment).toContain('kettlebell');
  });
});

describe('POST /api/exercises', () => {
  it('creates an exercise of the user’s own', async () => {
    const { auth } = await buildUser();

    const res = await api().post('/api/exercises').set(auth).send(landmineRow);

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      ...landmineRow,
      isCustom: true,
      archived: false,
    });
  });

  it('answers 409 naming the field when the name is taken, by the catalog or by the user', async () => {
    const { auth, user } = await buildUser();
    await api().post('/api/exercises').set(auth).send(landmineRow);

    const catalogName = await api()
      .post('/api/exercises')
      .set(auth)
      .send({ ...landmineRow, name: 'back  SQUAT' });
    const ownName = await api().post('/api/exercises').set(auth).send(landmineRow);

    expectError(catalogName, 409, 'CONFLICT', 'name');
    expectError(ownName, 409, 'CONFLICT', 'name');
    expect(await ExerciseModel.countDocuments({ ownerId: user._id })).toBe(1);
  });

  it.each([
    [{ ...landmineRow, name: '' }, 'name'],
    [{ ...landmineRow, primaryMuscles: [] }, 'primaryMuscles'],
    [{ ...landmineRow, primaryMuscles: 'lats' }, 'primaryMuscles'],
    [{ ...landmineRow, primaryMuscles: ['lats', 'wings'] }, 'primaryMuscles[1]'],
    [{ ...landmineRow, secondaryMuscles: [{ $ne: 1 }] }, 'secondaryMuscles'],
    [{ ...landmineRow, equipment: 'spaceship' }, 'equipment'],
    [{ ...landmineRow, kind: 'reps_and_vibes' }, 'kind'],
    [{ ...landmineRow, ownerId: null }, 'ownerId'],
  ])('answers 400 naming the field (%#) and writes nothing', async (body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().post('/api/exercises').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await ExerciseModel.countDocuments({ ownerId: user._id })).toBe(0);
  });
});

describe('GET, PATCH and DELETE /api/exercises/:id', () => {
  it('reads a catalog exercise', async () => {
    const { auth } = await buildUser();

    const res = await api().get(`/api/exercises/${squatId}`).set(auth);

    expect(res.body).toEqual({
      id: squatId,
      name: 'Back Squat',
      primaryMuscles: ['quadriceps', 'glutes'],
      secondaryMuscles: ['adductors', 'hamstrings', 'lower_back'],
      equipment: 'barbell',
      kind: 'weight_reps',
      isCustom: false,
      archived: false,
    });
  });

  it('renames the user’s exercise and archives it out of the list', async () => {
    const { auth } = await buildUser();
    const { body: created } = await api().post('/api/exercises').set(auth).send(landmineRow);

    const renamed = await api()
      .patch(`/api/exercises/${created.id}`)
      .set(auth)
      .send({ name: 'Meadows Row', secondaryMuscles: [] });
    expect(renamed.body).toMatchObject({ name: 'Meadows Row', secondaryMuscles: [] });

    expect((await api().delete(`/api/exercises/${created.id}`).set(auth)).status).toBe(204);
    expect((await api().get('/api/exercises?scope=mine').set(auth)).body.items).toEqual([]);
    expect((await api().get(`/api/exercises/${created.id}`).set(auth)).body.archived).toBe(true);
  });

  it('answers 403 to changing a catalog exercise and 400 to changing its kind', async () => {
    const { auth } = await buildUser();
    const { body: created } = await api().post('/api/exercises').set(auth).send(landmineRow);

    expectError(
      await api().patch(`/api/exercises/${squatId}`).set(auth).send({ name: 'My Squat' }),
      403,
      'FORBIDDEN',
    );
    expectError(await api().delete(`/api/exercises/${squatId}`).set(auth), 403, 'FORBIDDEN');
    expectError(
      await api().patch(`/api/exercises/${created.id}`).set(auth).send({ kind: 'duration' }),
      400,
      'VALIDATION_FAILED',
      'kind',
    );
    expect((await ExerciseModel.findById(squatId))?.name).toBe('Back Squat');
  });

  it('answers 404 to another user and changes nothing', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const { body: created } = await api().post('/api/exercises').set(alice.auth).send(landmineRow);

    expectError(await api().get(`/api/exercises/${created.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(
      await api().patch(`/api/exercises/${created.id}`).set(bob.auth).send({ name: 'Mine' }),
      404,
      'NOT_FOUND',
    );
    expectError(await api().delete(`/api/exercises/${created.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(
      await api().get(`/api/exercises/${created.id}/history`).set(bob.auth),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api().get(`/api/exercises/${created.id}/records`).set(bob.auth),
      404,
      'NOT_FOUND',
    );
    const stored = await ExerciseModel.findById(created.id);
    expect({ name: stored?.name, archivedAt: stored?.archivedAt }).toEqual({
      name: 'Landmine Meadows Row',
      archivedAt: null,
    });
  });
});
