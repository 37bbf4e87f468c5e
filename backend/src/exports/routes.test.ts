import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { CsvTokenizer } from '../imports/csv';
import { importFile, postFile } from '../imports/test/api';
import { localDateIn } from '../lib/time';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { HABITS_CSV_HEADER, WORKOUTS_CSV_HEADER } from './csv-writer';
import type { ExportDocument } from './schema';

useTestServices();

const ZONE = 'Pacific/Auckland';
const BENCH = catalogExerciseId('bench-press').toHexString();
const PULL_UP = catalogExerciseId('pull-up').toHexString();
const PLANK = catalogExerciseId('plank').toHexString();
const RUNNING = catalogExerciseId('running').toHexString();

beforeAll(async () => {
  await seedExerciseCatalog();
});

async function send(user: TestUser, method: 'post' | 'put' | 'patch', path: string, body: object) {
  const res = await api()[method](path).set(user.auth).send(body);
  if (res.status >= 300) {
    throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body as { id: string };
}

/** A local date `days` before the user's today. */
function daysAgo(days: number): string {
  const today = localDateIn(ZONE);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Every habit kind and schedule, every set type, emoji and comma names, several time zones. */
async function buildRichAccount(user: TestUser): Promise<void> {
  await send(user, 'patch', '/api/users/me', { unit: 'lb', weekStart: 'sunday' });
  const habit = async (body: object) => {
    const created = await send(user, 'post', '/api/habits', { startDate: daysAgo(40), ...body });
    return created.id;
  };
  const read = await habit({
    name: 'Read, "slowly" 📚',
    icon: '📚',
    color: '#112233',
    reminderTime: '07:30',
  });
  await habit({
    name: 'Gym days',
    schedule: { type: 'weekdays', days: [1, 3, 5] },
    linkedToWorkouts: true,
  });
  await habit({ name: 'Call mum', schedule: { type: 'weekly', times: 2 } });
  await habit({ name: 'Deep clean', schedule: { type: 'monthly', times: 3 } });
  const water = await habit({
    name: 'Water 💧',
    kind: 'measurable',
    target: { type: 'atLeast', value: 8, unit: 'glasses' },
  });
  const coffee = await habit({
    name: 'Coffee, at most',
    kind: 'measurable',
    schedule: { type: 'weekly' },
    target: { type: 'atMost', value: 10.5, unit: 'cups' },
  });
  const stretch = await habit({ name: 'Stretch', schedule: { type: 'interval', interval: 2 } });
  await send(user, 'patch', `/api/habits/${stretch}`, {
    schedule: { type: 'daily' },
    archived: true,
  });

  const day = (id: string, date: string, body: object = {}) =>
    send(user, 'put', `/api/habits/${id}/completions/${date}`, body);
  await day(read, daysAgo(3), { note: 'Ch. 3, "the end"\nnext: ch. 4' });
  await day(read, daysAgo(2), { status: 'skipped', note: 'ill 🤒' });
  await day(read, daysAgo(1));
  await day(water, daysAgo(2), { value: 6.5 });
  await day(water, daysAgo(1), { value: 9 });
  await day(coffee, daysAgo(1), { value: 0 });
  await day(stretch, daysAgo(39));

  const sled = await send(user, 'post', '/api/exercises', {
    name: 'Sled push, heavy 🛷',
    kind: 'distance_duration',
    primaryMuscles: ['quadriceps'],
    equipment: 'other',
  });
  const ownId = sled.id;
  const routine = await send(user, 'post', '/api/routines', {
    name: 'Push, "A" 💪',
    notes: 'Heavy day',
    exercises: [{ exerciseId: BENCH, sets: [{ reps: 5, weight: 225 }, { reps: 5 }] }],
  });
  const routineId = routine.id;

  await send(user, 'post', '/api/workouts', {
    startedAt: '2025-03-01T18:30:00+09:00',
    endedAt: '2025-03-01T19:45:00+09:00',
    date: '2025-03-01',
    notes: 'Tokyo trip, hotel gym',
    routineId,
    exercises: [
      {
        exerciseId: BENCH,
        supersetGroup: 1,
        notes: 'paused, "slow"',
        sets: [
          { type: 'warmup', reps: 10, weight: 135 },
          { type: 'normal', reps: 5, weight: 225, rpe: 8.5 },
          { type: 'drop', reps: 8, weight: 185.5 },
          { type: 'failure', reps: 3, weight: 225, rpe: 10 },
        ],
      },
      { exerciseId: PULL_UP, supersetGroup: 1, sets: [{ reps: 12 }, { reps: 9, rpe: 9 }] },
    ],
  });
  await send(user, 'post', '/api/workouts', {
    startedAt: '2025-03-02T07:00:00-08:00',
    date: '2025-03-02',
    unit: 'kg',
    exercises: [
      { exerciseId: PLANK, sets: [{ durationSeconds: 90 }] },
      { exerciseId: RUNNING, sets: [{ distanceMeters: 5000, durationSeconds: 1500 }] },
      { exerciseId: ownId, sets: [{ distanceMeters: 20.5, weight: 102.5, durationSeconds: 30 }] },
    ],
  });
  await send(user, 'put', `/api/body-weights/${daysAgo(5)}`, { weight: 181.2 });
  await send(user, 'put', `/api/body-weights/${daysAgo(4)}`, { weight: 80.25, unit: 'kg' });

  // A note-only day (status none) only comes from another app: a HabitBull comment on a 0 day.
  const habitBull = `HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\nJournal,,,${daysAgo(6)},0,"felt, odd"\nJournal,,,${daysAgo(5)},1,\n`;
  expect((await importFile(user, habitBull, 'hb.csv')).status).toBe('done');
}

async function exportOf(user: TestUser) {
  const res = await api().get('/api/exports/everything.json').set(user.auth).buffer(true);
  expect(res.status).toBe(200);
  return res;
}

/** The document without what an import may change: export time, ids, the account's identity. */
function comparable(text: string): unknown {
  const document = JSON.parse(text) as ExportDocument;
  const ids = new Map<string, string>();
  const idOf = (id: string) => {
    if (!ids.has(id)) {
      ids.set(id, `#${ids.size + 1}`);
    }
    return ids.get(id)!;
  };
  return JSON.parse(
    JSON.stringify({
      ...document,
      exportedAt: null,
      account: { ...document.account, email: null, createdAt: null },
    }),
    (key, value: unknown) =>
      (key === 'id' || key === 'routineId') &&
      typeof value === 'string' &&
      /^[0-9a-f]{24}$/.test(value)
        ? idOf(value)
        : value,
  );
}

describe('GET /api/exports/everything.json', () => {
  it('exports a rich account that imports into a new account and exports again equal', async () => {
    const original = await buildUser({ timezone: ZONE });
    await buildRichAccount(original);
    const first = await exportOf(original);

    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="habit-gym-tracker-${localDateIn(ZONE)}.json"`,
    );
    const document = JSON.parse(first.text) as ExportDocument;
    expect(document.habits.map((habit) => habit.name)).toEqual([
      'Read, "slowly" 📚',
      'Gym days',
      'Call mum',
      'Deep clean',
      'Water 💧',
      'Coffee, at most',
      'Stretch',
      'Journal',
    ]);
    expect(
      document.workouts.flatMap((w) => w.exercises.flatMap((e) => e.sets.map((s) => s.type))),
    ).toEqual([
      'warmup',
      'normal',
      'drop',
      'failure',
      'normal',
      'normal',
      'normal',
      'normal',
      'normal',
    ]);
    expect(document.workouts[0]!.exercises[0]!.sets[1]!.weightKg).toBe(225 * 0.45359237);
    expect(document.habits[7]!.completions[0]).toEqual({
      date: daysAgo(6),
      status: 'none',
      value: null,
      note: 'felt, odd',
    });
    expect(document.habits[6]!.schedules.map((rule) => rule.type)).toEqual(['interval', 'daily']);

    const copy = await buildUser({ timezone: ZONE, name: original.user.name });
    await send(copy, 'patch', '/api/users/me', { unit: 'lb', weekStart: 'sunday' });
    const preview = await postFile(copy, '/api/imports/preview', first.text, 'export.json');
    expect(preview.body.preview).toMatchObject({
      format: 'export-json',
      counts: { habits: 8, days: 11, workouts: 2, sets: 9, exercises: 5 },
      alreadyImported: { habits: 0, days: 0, workouts: 0 },
      problemCount: 0,
    });
    const job = await importFile(copy, first.text, 'export.json');
    expect(job).toMatchObject({ status: 'done', problemCount: 0 });

    const second = await exportOf(copy);
    expect(comparable(second.text)).toEqual(comparable(first.text));

    const again = await importFile(copy, first.text, 'export.json');
    expect(again.result).toMatchObject({ habits: 0, days: 0, workouts: 0, sets: 0 });
    expect(comparable((await exportOf(copy)).text)).toEqual(comparable(first.text));
  });

  it('answers 401 without a token', async () => {
    expectError(await api().get('/api/exports/everything.json'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/exports/habits.csv and /api/exports/workouts.csv', () => {
  function rowsOf(text: string): string[][] {
    const tokenizer = new CsvTokenizer({ delimiter: ',', file: 'export.csv' });
    return [...tokenizer.push(text), ...tokenizer.end()].map((record) => record.fields);
  }

  it('writes RFC 4180 CSV: CRLF lines, quoted commas, quotes and line breaks, emoji intact', async () => {
    const user = await buildUser({ timezone: ZONE });
    await buildRichAccount(user);

    const habits = await api().get('/api/exports/habits.csv').set(user.auth).buffer(true);
    expect(habits.status).toBe(200);
    expect(habits.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(habits.headers['content-disposition']).toMatch(
      /^attachment; filename="habit-gym-tracker-\d{4}-\d{2}-\d{2}\.habits\.csv"$/,
    );
    expect(habits.text).toContain(
      `"Read, ""slowly"" 📚",boolean,,false,${daysAgo(3)},done,,"Ch. 3, ""the end""\nnext: ch. 4"\r\n`,
    );
    const habitRows = rowsOf(habits.text);
    expect(habitRows[0]).toEqual([...HABITS_CSV_HEADER]);
    expect(habitRows).toContainEqual([
      'Water 💧',
      'measurable',
      'glasses',
      'false',
      daysAgo(2),
      'done',
      '6.5',
      '',
    ]);

    const workouts = await api().get('/api/exports/workouts.csv').set(user.auth).buffer(true);
    expect(workouts.status).toBe(200);
    const workoutRows = rowsOf(workouts.text);
    expect(workoutRows[0]).toEqual([...WORKOUTS_CSV_HEADER]);
    expect(workoutRows).toHaveLength(1 + 9);
    expect(workoutRows[1]!.slice(0, 4)).toEqual([
      '2025-03-01',
      '2025-03-01T09:30:00.000Z',
      '2025-03-01T10:45:00.000Z',
      'Tokyo trip, hotel gym',
    ]);
    expect(workoutRows[1]!.slice(4)).toEqual([
      'Bench Press',
      '1',
      'paused, "slow"',
      '1',
      'warmup',
      '10',
      String(135 * 0.45359237),
      '',
      '',
      '',
    ]);
    expect(workoutRows[9]!.slice(4)).toEqual([
      'Sled push, heavy 🛷',
      '',
      '',
      '1',
      'normal',
      '',
      '102.5',
      '',
      '30',
      '20.5',
    ]);
  });
});
