import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { UserModel } from './model';

useTestServices();

describe('PATCH /api/users/me', () => {
  it('changes the weight unit', async () => {
    const { auth, user } = await buildUser();

    const res = await api().patch('/api/users/me').set(auth).send({ unit: 'lb' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, unit: 'lb' });
    expect((await UserModel.findById(user._id))?.unit).toBe('lb');
  });

  it.each([
    [{ unit: 'stone' }, 'unit'],
    [{ unit: ['kg'] }, 'unit'],
    [{ passwordHash: 'x' }, 'passwordHash'],
  ])('answers 400 naming the field for %j and changes nothing', async (body, field) => {
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
    expectError(await api().patch('/api/users/me').send({ unit: 'lb' }), 401, 'UNAUTHENTICATED');
  });
});
