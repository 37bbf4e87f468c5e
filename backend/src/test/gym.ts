// Factories for the gym tests: a user's own exercise, made through the API like a user would.
import { api, type TestUser } from './setup';

export interface BuiltExercise {
  id: string;
  name: string;
}

/** Creates one of `user`'s own exercises (weight and reps, barbell, unless overridden). */
export async function buildExercise(
  user: TestUser,
  overrides: object = {},
): Promise<BuiltExercise> {
  const res = await api()
    .post('/api/exercises')
    .set(user.auth)
    .send({
      name: `Own exercise ${Date.now()} ${Math.random().toString(36).slice(2, 7)}`,
      primaryMuscles: ['upper_back'],
      equipment: 'barbell',
      kind: 'weight_reps',
      ...overrides,
    });
  if (res.status !== 201) {
    throw new Error(`creating an exercise answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  return res.body as BuiltExercise;
}
