// One valid request per route of the API, and what kind of value each input is. The hardening
// suites start from these and spoil one input at a time. A route that exists in the app but not
// here fails `hardening/routes.test.ts`: add its sample when you add a route.
import type { Test } from 'supertest';

import { COMPLETION_STATUSES, HABIT_KINDS, SCHEDULE_TYPES, TARGET_TYPES } from '../habits/model';
import { WEEK_STARTS } from '../users/model';
import { api, TEST_PASSWORD, type TestUser } from './setup';

export type FieldKind =
  /** Free text the user writes (names, notes): any Unicode, bounded length. */
  | { kind: 'text'; min: number; max: number }
  | { kind: 'email' }
  /** `strict`: a new password (registration), held to the password rules. */
  | { kind: 'password'; max: number; strict?: boolean }
  | { kind: 'timezone' }
  | { kind: 'date' }
  | { kind: 'number'; min: number; max: number; integer?: boolean }
  | { kind: 'color' }
  /** `HH:MM` on a 24-hour clock, or null. */
  | { kind: 'time' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'id' }
  | { kind: 'sessionId' }
  | { kind: 'boolean' }
  /** A list or object as a whole (its items are listed as fields of their own). */
  | { kind: 'list'; max: number }
  | { kind: 'object' };

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
}

export type FixtureName = keyof typeof FIXTURES;

export const OWNER_EMAIL = '<owner email>';
export const UNIQUE_EMAIL = '<unique email>';
/** In a body, stands for the id of a fixture made for the owner (`<fixture habit>`). */
export const fixtureId = (name: FixtureName) => `<fixture ${name}>`;

const created = (res: { status: number; body: { id?: string } }, what: string): string => {
  if (res.status !== 201 || typeof res.body.id !== 'string') {
    throw new Error(`could not create a ${what} fixture: ${res.status}`);
  }

  return res.body.id;
};

/** Things a user owns, made through the API; each returns the new item's id. */
export const FIXTURES = {
  habit: async (owner: TestUser) =>
    created(await api().post('/api/habits').set(owner.auth).send(HABIT_FIXTURE), 'habit'),
  workout: async (owner: TestUser) =>
    created(await api().post('/api/workouts').set(owner.auth).send(WORKOUT), 'workout'),
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

const WORKOUT = {
  date: '2026-03-02',
  notes: 'Felt strong',
  exercises: [
    { name: 'Back Squat', sets: [{ reps: 5, weight: 100 }] },
    { name: 'Bench Press', sets: [{ reps: 8, weight: 62.5 }] },
  ],
};
const WORKOUT_FIELDS: Record<string, FieldKind> = {
  date: { kind: 'date' },
  notes: { kind: 'text', min: 0, max: 2000 },
  exercises: { kind: 'list', max: 50 },
  'exercises.*': { kind: 'object' },
  'exercises.*.name': { kind: 'text', min: 1, max: 100 },
  'exercises.*.sets': { kind: 'list', max: 50 },
  'exercises.*.sets.*': { kind: 'object' },
  'exercises.*.sets.*.reps': { kind: 'number', min: 0, max: 1000, integer: true },
  'exercises.*.sets.*.weight': { kind: 'number', min: 0, max: 1000 },
};

const PAGE = { limit: '20' };
const PAGE_FIELDS: Record<string, FieldKind> = {
  limit: { kind: 'number', min: 1, max: 100, integer: true },
  cursor: { kind: 'id' },
};

const habitId: ParamSample = { fixture: 'habit', kind: 'id' };
const workoutId: ParamSample = { fixture: 'workout', kind: 'id' };
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
    body: { notes: 'Changed', exercises: [{ name: 'Deadlift', sets: [{ reps: 3, weight: 140 }] }] },
    fields: WORKOUT_FIELDS,
  },
  'DELETE /api/workouts/:id': { auth: true, ok: 204, params: { id: workoutId } },
};
