import { seedExerciseCatalog } from '../exercises/seed';
import { buildUser, useTestServices } from '../test/setup';
import { fixture, importFile, postFile } from './test/api';
import { writeFileSync } from 'node:fs';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

describe('POST /api/imports (fixtures)', () => {
  it('imports the Hevy fixture', async () => {
    const user = await buildUser();
    const t0 = Date.now();
    const preview = await postFile(user, '/api/imports/preview', fixture('hevy/hevy-metric.csv'), 'hevy.csv');
    const t1 = Date.now();
    const job = await importFile(user, fixture('hevy/hevy-metric.csv'), 'hevy.csv');
    const t2 = Date.now();
    const { ExerciseModel } = await import('../exercises/model');
    const own = await ExerciseModel.find({ ownerId: user.user._id });
    writeFileSync('/tmp/issue8-hevy.json', JSON.stringify({ t: [t1 - t0, t2 - t1], preview: preview.body, job, own: own.map((e) => [e.name, e.kind]) }, null, 1));
  });
});
