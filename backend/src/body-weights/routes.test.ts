import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { UserModel } from '../users/model';
import { BodyWeightModel } from './model';

useTestServices();

describe('PUT /api/body-weights/:date', () => {
  it('saves one weight per day, replacing it when saved again, even at the same time', async () => {
    const { auth, user } = await buildUser();

    const responses = await Promise.all(
      [80.5, 80.5, 80.5].map((weight) =>
        api().put('/api/body-weights/2026-03-14').set(auth).send({ weight }),
      ),
    );
    const replaced = await api()
      .put('/api/body-weights/2026-03-14')
      .set(auth)
      .send({ weight: 80.2 });

    expect(responses.map((res) => res.status)).toEqual([200, 200, 200]);
    expect(replaced.body).toEqual({ date: '2026-03-14', weight: 80.2, unit: 'kg' });
    expect(await BodyWeightModel.countDocuments({ userId: user._id })).toBe(1);
  });

  it('keeps a weight typed in pounds exactly, and converts it for kilogram readers', async () => {
    const { auth, user } = await buildUser();
    await UserModel.updateOne({ _id: user._id }, { unit: 'lb' });

    const saved = await api().put('/api/body-weights/2026-03-14').set(auth).send({ weight: 177.4 });
    await UserModel.updateOne({ _id: user._id }, { unit: 'kg' });
    const inKg = await api().get('/api/body-weights').set(auth);

    expect(saved.body).toEqual({ date: '2026-03-14', weight: 177.4, unit: 'lb' });
    expect(inKg.body.items).toEqual([{ date: '2026-03-14', weight: 80.5, unit: 'kg' }]);
  });

  it.each([
    ['2026-03-14', { weight: -1 }, 'weight'],
    ['2026-03-14', { weight: 80.555 }, 'weight'],
    ['2026-03-14', { weight: '80' }, 'weight'],
    ['2026-03-14', {}, 'weight'],
    ['2026-03-14', { weight: 80, unit: 'stone' }, 'unit'],
    ['2026-02-30', { weight: 80 }, 'date'],
  ])('answers 400 naming the field for %s %j and writes nothing', async (date, body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().put(`/api/body-weights/${date}`).set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await BodyWeightModel.countDocuments({ userId: user._id })).toBe(0);
  });

  it('answers 400 naming the field for a weight of 1e309 written in the JSON', async () => {
    const { auth, user } = await buildUser();

    const res = await api()
      .put('/api/body-weights/2026-03-14')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"weight":1e309}');

    expectError(res, 400, 'VALIDATION_FAILED', 'weight');
    expect(await BodyWeightModel.countDocuments({ userId: user._id })).toBe(0);
  });
});

describe('GET and DELETE /api/body-weights', () => {
  it('lists the user’s own entries newest first, within the dates asked, and deletes one', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    for (const [date, weight] of [
      ['2026-03-01', 81],
      ['2026-03-08', 80.4],
      ['2026-03-15', 79.9],
    ] as const) {
      await api().put(`/api/body-weights/${date}`).set(alice.auth).send({ weight });
    }
    await api().put('/api/body-weights/2026-03-08').set(bob.auth).send({ weight: 95 });

    const range = await api()
      .get('/api/body-weights?from=2026-03-02&to=2026-03-15')
      .set(alice.auth);
    expect(range.body.items.map((item: { weight: number }) => item.weight)).toEqual([79.9, 80.4]);

    expect((await api().delete('/api/body-weights/2026-03-08').set(alice.auth)).status).toBe(204);
    const all = await api().get('/api/body-weights').set(alice.auth);
    expect(all.body.items.map((item: { date: string }) => item.date)).toEqual([
      '2026-03-15',
      '2026-03-01',
    ]);
    expect((await api().get('/api/body-weights').set(bob.auth)).body.items).toEqual([
      { date: '2026-03-08', weight: 95, unit: 'kg' },
    ]);
    expectError(
      await api().delete('/api/body-weights/2026-03-08').set(alice.auth),
      404,
      'NOT_FOUND',
    );
  });
});
