import { seedExerciseCatalog } from '../exercises/seed';
import { api, buildUser, useTestServices } from '../test/setup';
import { fixture, fixtureZip, importFile, postFile } from './test/api';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

describe('POST /api/imports (fixtures)', () => {
  it('imports the Strong fixture', async () => {
    const user = await buildUser();
    const preview = await postFile(
      user,
      '/api/imports/preview',
      fixture('strong/strong-semicolon-quoted.csv'),
      'strong.csv',
    );
    console.log(JSON.stringify(preview.body, null, 1).slice(0, 3000));
    const job = await importFile(user, fixture('strong/strong-semicolon-quoted.csv'), 'strong.csv');
    console.log(JSON.stringify(job, null, 1).slice(0, 3000));
    const again = await importFile(
      user,
      fixture('strong/strong-semicolon-quoted.csv'),
      'strong.csv',
    );
    console.log(JSON.stringify(again.result));
    const loop = await importFile(user, fixtureZip('loop-2x'), 'loop.zip');
    console.log(JSON.stringify(loop, null, 1).slice(0, 3000));
    const hb = await importFile(user, fixture('habitbull/habitbull.csv'), 'hb.csv');
    console.log(JSON.stringify(hb, null, 1).slice(0, 3000));
    const list = await api().get('/api/imports').set(user.auth);
    expect(list.body.imports).toHaveLength(4);
  });
});
