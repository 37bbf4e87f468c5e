import { localDateIn } from '../lib/time';
import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { UserModel } from './model';

useTestServices();

describe('PATCH /api/users/me', () => {
  it('changes the time zone, week start and name, and the user’s today follows the zone', async () => {
    const { auth } = await buildUser({ timezone: 'Europe/Berlin' });

    const res = await api()
      .patch('/api/users/me')
      .set(auth)
      .send({ timezone: 'Pacific/Kiritimati', weekStart: 'sunday', name: '  Ana  ' });

    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      timezone: 'Pacific/Kiritimati',
      weekStart: 'sunday',
      name: 'Ana',
    });
    expect((await api().get('/api/auth/me').set(auth)).body.user.timezone).toBe(
      'Pacific/Kiritimati',
    );
    expect((await api().get('/api/today').set(auth)).body.date).toBe(
      localDateIn('Pacific/Kiritimati'),
    );
  });

  it('changes one field alone', async () => {
    const { auth } = await buildUser({ timezone: 'Europe/Berlin' });

    const res = await api().patch('/api/users/me').set(auth).send({ weekStart: 'sunday' });

    expect(res.body.user).toMatchObject({ timezone: 'Europe/Berlin', weekStart: 'sunday' });
  });

  it.each([
    [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    [{ timezone: '' }, 'timezone'],
    [{ timezone: 7 }, 'timezone'],
    [{ weekStart: 'friday' }, 'weekStart'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ email: 'new@example.test' }, 'email'],
    [{ passwordHash: 'x' }, 'passwordHash'],
  ])('answers 400 naming the field for %j and changes nothing', async (body, field) => {
    const { auth, user } = await buildUser({ timezone: 'Europe/Berlin' });
    const before = await UserModel.findById(user._id).lean();

    const res = await api().patch('/api/users/me').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await UserModel.findById(user._id).lean()).toEqual(before);
  });

  it('changes the weight unit', async () => {
    const { auth, user } = await buildUser();

    const res = await api().patch('/api/users/me').set(auth).send({ unit: 'lb' });

    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, unit: 'lb' });
    expect((await UserModel.findById(user._id))?.unit).toBe('lb');
  });

  it.each([
    [{ unit: 'stone' }, 'unit'],
    [{ unit: ['kg'] }, 'unit'],
  ])('answers 400 naming the unit for %j and keeps kg', async (body, field) => {
    const { auth, user } = await buildUser();

    expectError(
      await api().patch('/api/users/me').set(auth).send(body),
      400,
      'VALIDATION_FAILED',
      field,
    );
    expect((await UserModel.findById(user._id))?.unit).toBe('kg');
  });

  it('answers 401 without a token', async () => {
    expectError(
      await api().patch('/api/users/me').send({ weekStart: 'sunday' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('GET /api/users/me', () => {
  it('returns the signed-in user', async () => {
    const { auth, user } = await buildUser({ timezone: 'Asia/Tokyo' });

    const res = await api().get('/api/users/me').set(auth);

    expect(res.body.user).toMatchObject({
      id: user.id,
      timezone: 'Asia/Tokyo',
      weekStart: 'monday',
    });
  });
});
