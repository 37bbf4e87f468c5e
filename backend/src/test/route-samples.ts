// One valid request per route of the API, and what kind of value each input is. The hardening
// suites start from these and spoil one input at a time. A route that exists in the app but not
// here fails `hardening/routes.test.ts`: add its sample when you add a route.
import type { Test } from 'supertest';

import { COMPLETION_STATUSES, HABIT_KINDS, SCHEDULE_TYPES, TARGET_TYPES } from '../habits/model';
import { WEEK_STARTS } from '../users/model';
import { EQUIPMENT, EXERCISE_KINDS, MUSCLES } from '../exercises/kinds';
import { EXERCISE_SCOPES } from '../exercises/validation';
import { SET_TYPES } from '../workouts/records';
import { WEIGHT_UNITS } from '../workouts/units';
import { api, TEST_PASSWORD, type TestUser } from './setup';

export type FieldKind =
  /** `needsLetter`: refused (400 naming it) without a letter or digit, e.g. emoji only. */
  (
    | { kind: 'text'; min: number; max: number; needsLetter?: boolean }
    /** Search text in a query: anything up to `max`, it is normalised before use. */
    | { kind: 'search'; max: number }
    | { kind: 'email' }
    /** `strict`: a new password (registration), held to the password rules. */
    | { kind: 'password'; max: number; strict?: boolean }
    | { kind: 'timezone' }
    | { kind: 'date' }
    /** An instant in ISO 8601 with its offset. */
    | { kind: 'datetime' }
    | { kind: 'number'; min: number; max: number; integer?: boolean }
    | { kind: 'color' }
    /** `HH:MM` on a 24-hour clock, or null. */
    | { kind: 'time' }
    | { kind: 'enum'; values: string[] }
    /** Text of a fixed form (a client id). */
    | { kind: 'pattern'; pattern: RegExp }
    | { kind: 'id' }
    | { kind: 'sessionId' }
    | { kind: 'boolean' }
    /** A list as a whole (its items are listed as fields of their own). */
    | { kind: 'list'; max: number; min?: number }
    /** `mayBeEmpty`: every field inside is optional, so `{}` is a valid value. */
    | { kind: 'object'; mayBeEmpty?: boolean }
  ) & {
    /** null is a value the field takes ("none"). */
    nullable?: boolean;
  };

/** A path parameter: made by a fixture for the owner, or a fixed valid value. */
export type ParamSample =
  { fixture: FixtureName; kind: 'id' | 'sessionId' } | { value: string; kind: 'date' };

export interface RouteSample {
  /** Whether the route requires a session; must match the app. */
  auth: boolean;
  /** The status a valid request gets. */
  ok: number;
  params?: Record<string, ParamSample>;
  /** Valid query values. */
  query?: Record<string, string>;
  /** Every query parameter the route accepts, with its kind. */
  queryFields?: Record<string, FieldKind>;
  /**
   * A valid body; every field in it has a kind in `fields`. The strings OWNER_EMAIL and
   * UNIQUE_EMAIL stand for the acting user's email and a never-used one.
   */
  body?: Record<string, unknown>;
  /** Kinds of body fields by path, with `*` for list items (`exercises.*.sets.*.reps`). */
  fields?: Record<string, FieldKind>;
  /** Headers a valid request needs besides the bearer token (e.g. the refresh cookie). */
  headers?: (owner: TestUser) => Promise<Record<string, string>>;
  /** Runs as the owner before each use of the sample (e.g. marks the day the route deletes). */
  setup?: (owner: TestUser, params: Record<string, string>) => Promise<void>;
  /** The route creates a resource: retries with an Idempotency-Key must not create twice. */
  creates?: boolean;
  /** A route whose body is a file, not JSON (an import): the file a valid request sends. */
  file?: string;
}

export type FixtureName = keyof typeof FIXTURES;

export const OWNER_EMAIL = '<owner email>';
export const UNIQUE_EMAIL = '<unique email>';
/** A client id never sent before (workouts deduplicate on it). */
export const UNIQUE_ID = '<unique id>';
/** In a body, stands for the id of a fixture made for the owner (`<fixture habit>`). */
export const fixtureId = (name: FixtureName) => `<fixture ${name}>`;

const created = (res: { status: number; body: { id?: string } }, what: string): string => {
  if (res.status !== 201 || typeof res.body.id !== 'string') {
    throw new Error(`could not create a ${what} fixture: ${res.status}`);
  }

  return res.body.id;
};

/** Things a user owns, made through the API; each returns the new item's id. */
/** A small HabitBull export: one habit, two days. */
const HABITBULL_FILE = [
  'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText',
  'Stretch,"Morning, 5 minutes",Health,2026-03-18,1,',
  'Stretch,"Morning, 5 minutes",Health,2026-03-19,1,felt good',
  '',
].join('\n');

export const FIXTURES = {
  habit: async (owner: TestUser) =>
    created(await api().post('/api/habits').set(owner.auth).send(HABIT_FIXTURE), 'habit'),
  exercise: async (owner: TestUser) =>
    created(await api().post('/api/exercises').set(owner.auth).send(exerciseFixture()), 'exercise'),
  workout: async (owner: TestUser) => {
    const exerciseId = await FIXTURES.exercise(owner);
    const body = {
      ...WORKOUT_FIXTURE,
      exercises: [{ exerciseId, sets: [{ reps: 5, weight: 100 }] }],
    };

    return created(await api().post('/api/workouts').set(owner.auth).send(body), 'workout');
  },
  routine: async (owner: TestUser) => {
    const exerciseId = await FIXTURES.exercise(owner);
    const body = { name: 'Strength A', exercises: [{ exerciseId, sets: [{ reps: 5 }] }] };

    return created(await api().post('/api/routines').set(owner.auth).send(body), 'routine');
  },
  importJob: async (owner: TestUser) => {
    const res = await api()
      .post('/api/imports')
      .set(owner.auth)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(HABITBULL_FILE));
    if (res.status !== 202) {
      throw new Error(`could not start an import: ${res.status} ${JSON.stringify(res.body)}`);
    }

    const { id } = (res.body as { import: { id: string } }).import;
    // The import runs in the background: wait for it, so it writes nothing during a test.
    for (let tries = 0; tries < 100; tries += 1) {
      const job = await api().get(`/api/imports/${id}`).set(owner.auth);
      if ((job.body as { import: { status: string } }).import.status !== 'running') {
        return id;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the fixture import did not finish');
  },
  /** Another session of the owner (not the one its token belongs to). */
  session: async (owner: TestUser) => {
    await signIn(owner);
    const res = await api().get('/api/auth/sessions').set(owner.auth);
    const other = (res.body.items as Array<{ id: string; isCurrent: boolean }>).find(
      (session) => !session.isCurrent,
    );
    if (!other) {
      throw new Error('could not open a second session');
    }

    return other.id;
  },
};

let exerciseCount = 0;
const exerciseFixture = () => ({
  name: `Own exercise ${(exerciseCount += 1)}`,
  primaryMuscles: ['upper_back'],
  equipment: 'barbell',
  kind: 'weight_reps',
});

async function signIn(owner: TestUser): Promise<Test> {
  const res = await api()
    .post('/api/auth/login')
    .send({ email: owner.user.email, password: TEST_PASSWORD });
  if (res.status !== 200) {
    throw new Error(`could not sign in: ${res.status}`);
  }

  return res;
}

const refreshCookie = async (owner: TestUser) => {
  const res = await signIn(owner);
  const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const cookie = cookies.find((value) => value.startsWith('hg_refresh='));

  return { Cookie: (cookie ?? '').split(';')[0] as string };
};

// The fixture: a measurable habit, so that completions take a value.
const HABIT_FIXTURE = {
  name: 'Read',
  kind: 'measurable',
  target: { type: 'atLeast', value: 10, unit: 'pages' },
  startDate: '2026-01-01',
};
const HABIT = {
  name: 'Run',
  description: 'Before work',
  color: '#22aa88',
  icon: '🏃',
  kind: 'measurable',
  schedule: { type: 'daily' },
  target: { type: 'atLeast', value: 5, unit: 'km' },
  reminderTime: '07:30',
  startDate: '2026-03-01',
};
const HABIT_FIELDS: Record<string, FieldKind> = {
  name: { kind: 'text', min: 1, max: 100 },
  description: { kind: 'text', min: 0, max: 500 },
  color: { kind: 'color' },
  icon: { kind: 'text', min: 0, max: 16 },
  kind: { kind: 'enum', values: [...HABIT_KINDS] },
  schedule: { kind: 'object' },
  'schedule.type': { kind: 'enum', values: [...SCHEDULE_TYPES] },
  'schedule.days': { kind: 'list', max: 7 },
  'schedule.days.*': { kind: 'number', min: 0, max: 6, integer: true },
  target: { kind: 'object' },
  'target.type': { kind: 'enum', values: [...TARGET_TYPES] },
  'target.value': { kind: 'number', min: 0.001, max: 1_000_000 },
  'target.unit': { kind: 'text', min: 0, max: 20 },
  reminderTime: { kind: 'time' },
  startDate: { kind: 'date' },
  archived: { kind: 'boolean' },
};

const WORKOUT_FIXTURE = { startedAt: '2026-03-14T17:00:00+01:00', notes: 'Leg day' };
const WORKOUT = {
  clientId: UNIQUE_ID,
  startedAt: '2026-03-14T17:00:00+01:00',
  endedAt: '2026-03-14T18:10:00+01:00',
  date: '2026-03-14',
  unit: 'kg',
  notes: 'Felt strong',
  routineId: null,
  exercises: [
    {
      exerciseId: fixtureId('exercise'),
      supersetGroup: null,
      notes: 'Slow on the way down',
      sets: [{ type: 'normal', reps: 5, weight: 100, rpe: 8 }],
    },
  ],
};
const ENTRY_FIELDS: Record<string, FieldKind> = {
  exercises: { kind: 'list', max: 50 },
  'exercises.*': { kind: 'object' },
  'exercises.*.exerciseId': { kind: 'id' },
  'exercises.*.supersetGroup': { kind: 'number', min: 1, max: 25, integer: true, nullable: true },
  'exercises.*.notes': { kind: 'text', min: 0, max: 500 },
  'exercises.*.sets': { kind: 'list', max: 50 },
  'exercises.*.sets.*': { kind: 'object' },
  'exercises.*.sets.*.type': { kind: 'enum', values: [...SET_TYPES] },
  'exercises.*.sets.*.reps': { kind: 'number', min: 0, max: 1000, integer: true, nullable: true },
  'exercises.*.sets.*.weight': { kind: 'number', min: 0, max: 2000, nullable: true },
  'exercises.*.sets.*.rpe': { kind: 'number', min: 6, max: 10, nullable: true },
};
const WORKOUT_FIELDS: Record<string, FieldKind> = {
  clientId: { kind: 'pattern', pattern: /^[A-Za-z0-9-]{8,64}$/ },
  startedAt: { kind: 'datetime' },
  endedAt: { kind: 'datetime', nullable: true },
  date: { kind: 'date' },
  unit: { kind: 'enum', values: [...WEIGHT_UNITS] },
  notes: { kind: 'text', min: 0, max: 2000 },
  routineId: { kind: 'id', nullable: true },
  ...ENTRY_FIELDS,
};

const EXERCISE = {
  name: 'Jefferson Curl',
  primaryMuscles: ['lower_back', 'hamstrings'],
  secondaryMuscles: ['glutes'],
  equipment: 'barbell',
  kind: 'weight_reps',
};
const EXERCISE_FIELDS: Record<string, FieldKind> = {
  name: { kind: 'text', min: 1, max: 100, needsLetter: true },
  primaryMuscles: { kind: 'list', max: 4 },
  'primaryMuscles.*': { kind: 'enum', values: [...MUSCLES] },
  secondaryMuscles: { kind: 'list', min: 0, max: 6 },
  'secondaryMuscles.*': { kind: 'enum', values: [...MUSCLES] },
  equipment: { kind: 'enum', values: [...EQUIPMENT] },
  kind: { kind: 'enum', values: [...EXERCISE_KINDS] },
};

const ROUTINE = {
  name: 'Strength A',
  notes: 'Add 2.5 kg each week',
  unit: 'kg',
  exercises: [
    {
      exerciseId: fixtureId('exercise'),
      supersetGroup: null,
      notes: 'Pause at the bottom',
      sets: [{ type: 'warmup', reps: 5, weight: 60, rpe: null }],
    },
  ],
};
const ROUTINE_FIELDS: Record<string, FieldKind> = {
  name: { kind: 'text', min: 1, max: 100 },
  notes: { kind: 'text', min: 0, max: 2000 },
  unit: { kind: 'enum', values: [...WEIGHT_UNITS] },
  ...ENTRY_FIELDS,
  // A routine's sets are targets: a set with no values at all is one to fill in when training.
  'exercises.*.sets.*': { kind: 'object', mayBeEmpty: true },
};

const PAGE = { limit: '20' };
const PAGE_FIELDS: Record<string, FieldKind> = {
  limit: { kind: 'number', min: 1, max: 100, integer: true },
  cursor: { kind: 'id' },
};

const habitId: ParamSample = { fixture: 'habit', kind: 'id' };
const workoutId: ParamSample = { fixture: 'workout', kind: 'id' };
const exerciseId: ParamSample = { fixture: 'exercise', kind: 'id' };
const routineId: ParamSample = { fixture: 'routine', kind: 'id' };
const day: ParamSample = { value: '2026-03-01', kind: 'date' };

export const ROUTE_SAMPLES: Record<string, RouteSample> = {
  'GET /api/health': { auth: false, ok: 200 },
  'GET /api/health/live': { auth: false, ok: 200 },
  'GET /api/health/ready': { auth: false, ok: 200 },

  'POST /api/auth/register': {
    auth: false,
    ok: 202,
    body: {
      email: UNIQUE_EMAIL,
      password: 'maple kettle harbour drift',
      name: 'Sample Person',
      timezone: 'Europe/Lisbon',
    },
    fields: {
      email: { kind: 'email' },
      password: { kind: 'password', max: 128, strict: true },
      name: { kind: 'text', min: 0, max: 100 },
      timezone: { kind: 'timezone' },
    },
  },
  'POST /api/auth/login': {
    auth: false,
    ok: 200,
    body: { email: OWNER_EMAIL, password: TEST_PASSWORD },
    fields: { email: { kind: 'email' }, password: { kind: 'password', max: 1024 } },
  },
  'POST /api/auth/refresh': { auth: false, ok: 200, headers: refreshCookie },
  'POST /api/auth/logout': { auth: true, ok: 204 },
  'POST /api/auth/logout-all': { auth: true, ok: 204 },
  'GET /api/auth/me': { auth: true, ok: 200 },
  'GET /api/auth/sessions': { auth: true, ok: 200 },
  'DELETE /api/auth/sessions/:id': {
    auth: true,
    ok: 204,
    params: { id: { fixture: 'session', kind: 'sessionId' } },
  },

  'GET /api/habits': {
    auth: true,
    ok: 200,
    query: { ...PAGE, archived: 'false' },
    queryFields: { ...PAGE_FIELDS, archived: { kind: 'enum', values: ['true', 'false'] } },
  },
  'POST /api/habits': { auth: true, ok: 201, body: HABIT, fields: HABIT_FIELDS, creates: true },
  'GET /api/habits/summary': {
    auth: true,
    ok: 200,
    query: { ...PAGE, date: '2026-03-01' },
    queryFields: { ...PAGE_FIELDS, date: { kind: 'date' } },
  },
  'POST /api/habits/reorder': {
    auth: true,
    ok: 204,
    body: { ids: [fixtureId('habit')] },
    fields: { ids: { kind: 'list', max: 500 }, 'ids.*': { kind: 'id' } },
  },
  'GET /api/habits/:id': { auth: true, ok: 200, params: { id: habitId } },
  'PATCH /api/habits/:id': {
    auth: true,
    ok: 200,
    params: { id: habitId },
    body: {
      name: 'Read 20 pages',
      description: '',
      color: '#112233',
      icon: '📖',
      schedule: { type: 'weekdays', days: [1, 3, 5] },
      reminderTime: null,
      archived: false,
    },
    fields: HABIT_FIELDS,
  },
  'DELETE /api/habits/:id': { auth: true, ok: 204, params: { id: habitId } },
  'GET /api/habits/:id/stats': { auth: true, ok: 200, params: { id: habitId } },
  'GET /api/habits/:id/history': {
    auth: true,
    ok: 200,
    params: { id: habitId },
    query: { from: '2026-02-01', to: '2026-03-01' },
    queryFields: { from: { kind: 'date' }, to: { kind: 'date' } },
  },
  'PUT /api/habits/:id/completions/:date': {
    auth: true,
    ok: 200,
    params: { id: habitId, date: day },
    body: { status: 'done', value: 12.5, note: 'Done on the train' },
    fields: {
      status: { kind: 'enum', values: [...COMPLETION_STATUSES] },
      value: { kind: 'number', min: 0, max: 1_000_000 },
      note: { kind: 'text', min: 0, max: 500 },
    },
  },
  'DELETE /api/habits/:id/completions/:date': {
    auth: true,
    ok: 204,
    params: { id: habitId, date: day },
    setup: async (owner, params) => {
      const url = `/api/habits/${params.id}/completions/${params.date}`;
      await api().put(url).set(owner.auth).send({ value: 3 }).expect(200);
    },
  },

  'GET /api/today': {
    auth: true,
    ok: 200,
    query: { date: '2026-03-01' },
    queryFields: { date: { kind: 'date' } },
  },

  'GET /api/users/me': { auth: true, ok: 200 },
  'PATCH /api/users/me': {
    auth: true,
    ok: 200,
    body: { name: 'Renamed Person', timezone: 'America/Sao_Paulo', weekStart: 'sunday' },
    fields: {
      name: { kind: 'text', min: 0, max: 100 },
      timezone: { kind: 'timezone' },
      weekStart: { kind: 'enum', values: [...WEEK_STARTS] },
    },
  },

  'DELETE /api/users/me': {
    auth: true,
    ok: 204,
    body: { password: TEST_PASSWORD },
    fields: { password: { kind: 'password', max: 1024 } },
  },

  'POST /api/imports/preview': { auth: true, ok: 200, file: HABITBULL_FILE },
  'POST /api/imports': { auth: true, ok: 202, file: HABITBULL_FILE },
  'GET /api/imports': { auth: true, ok: 200 },
  'GET /api/imports/:id': {
    auth: true,
    ok: 200,
    params: { id: { fixture: 'importJob', kind: 'id' } },
  },
  'GET /api/exports/everything.json': { auth: true, ok: 200 },
  'GET /api/exports/habits.csv': { auth: true, ok: 200 },
  'GET /api/exports/workouts.csv': { auth: true, ok: 200 },

  'GET /api/metrics': { auth: false, ok: 200 },

  'GET /api/workouts': { auth: true, ok: 200, query: PAGE, queryFields: PAGE_FIELDS },
  'POST /api/workouts': {
    auth: true,
    ok: 201,
    body: WORKOUT,
    fields: WORKOUT_FIELDS,
    creates: true,
  },
  'GET /api/workouts/:id': { auth: true, ok: 200, params: { id: workoutId } },
  'PATCH /api/workouts/:id': {
    auth: true,
    ok: 200,
    params: { id: workoutId },
    body: {
      notes: 'Changed',
      endedAt: '2026-03-14T18:30:00+01:00',
      exercises: [{ exerciseId: fixtureId('exercise'), sets: [{ reps: 3, weight: 140 }] }],
    },
    fields: WORKOUT_FIELDS,
  },
  'DELETE /api/workouts/:id': { auth: true, ok: 204, params: { id: workoutId } },

  'GET /api/exercises': {
    auth: true,
    ok: 200,
    query: {
      q: 'curl',
      muscle: 'lower_back',
      equipment: 'barbell',
      kind: 'weight_reps',
      scope: 'all',
      limit: '20',
    },
    queryFields: {
      q: { kind: 'search', max: 100 },
      muscle: { kind: 'enum', values: [...MUSCLES] },
      equipment: { kind: 'enum', values: [...EQUIPMENT] },
      kind: { kind: 'enum', values: [...EXERCISE_KINDS] },
      scope: { kind: 'enum', values: [...EXERCISE_SCOPES] },
      ...PAGE_FIELDS,
    },
  },
  'GET /api/exercises/options': { auth: true, ok: 200 },
  'POST /api/exercises': {
    auth: true,
    ok: 201,
    body: EXERCISE,
    fields: EXERCISE_FIELDS,
    creates: true,
  },
  'GET /api/exercises/:id': { auth: true, ok: 200, params: { id: exerciseId } },
  'PATCH /api/exercises/:id': {
    auth: true,
    ok: 200,
    params: { id: exerciseId },
    body: {
      name: 'Renamed lift',
      primaryMuscles: ['chest'],
      secondaryMuscles: [],
      equipment: 'dumbbell',
    },
    fields: EXERCISE_FIELDS,
  },
  'DELETE /api/exercises/:id': { auth: true, ok: 204, params: { id: exerciseId } },
  'GET /api/exercises/:id/history': {
    auth: true,
    ok: 200,
    params: { id: exerciseId },
    query: PAGE,
    queryFields: PAGE_FIELDS,
  },
  'GET /api/exercises/:id/records': { auth: true, ok: 200, params: { id: exerciseId } },

  'GET /api/routines': { auth: true, ok: 200, query: PAGE, queryFields: PAGE_FIELDS },
  'POST /api/routines': {
    auth: true,
    ok: 201,
    body: ROUTINE,
    fields: ROUTINE_FIELDS,
    creates: true,
  },
  'POST /api/routines/from-workout': {
    auth: true,
    ok: 201,
    body: { workoutId: fixtureId('workout'), name: 'From leg day' },
    fields: { workoutId: { kind: 'id' }, name: { kind: 'text', min: 1, max: 100 } },
    creates: true,
  },
  'GET /api/routines/:id': { auth: true, ok: 200, params: { id: routineId } },
  'PATCH /api/routines/:id': {
    auth: true,
    ok: 200,
    params: { id: routineId },
    body: { name: 'Strength B', notes: '', exercises: ROUTINE.exercises },
    fields: ROUTINE_FIELDS,
  },
  'DELETE /api/routines/:id': { auth: true, ok: 204, params: { id: routineId } },

  'GET /api/progress': {
    auth: true,
    ok: 200,
    query: { weeks: '4', to: '2026-03-11' },
    queryFields: {
      weeks: { kind: 'number', min: 1, max: 104, integer: true },
      to: { kind: 'date' },
    },
  },

  'GET /api/body-weights': {
    auth: true,
    ok: 200,
    query: { from: '2026-01-01', to: '2026-03-01', limit: '30' },
    queryFields: {
      from: { kind: 'date' },
      to: { kind: 'date' },
      limit: { kind: 'number', min: 1, max: 1000, integer: true },
    },
  },
  'PUT /api/body-weights/:date': {
    auth: true,
    ok: 200,
    params: { date: day },
    body: { weight: 80.5, unit: 'kg' },
    fields: {
      weight: { kind: 'number', min: 1, max: 1500 },
      unit: { kind: 'enum', values: [...WEIGHT_UNITS] },
    },
  },
  'DELETE /api/body-weights/:date': {
    auth: true,
    ok: 204,
    params: { date: day },
    setup: async (owner, params) => {
      await api()
        .put(`/api/body-weights/${params.date}`)
        .set(owner.auth)
        .send({ weight: 80 })
        .expect(200);
    },
  },
};
