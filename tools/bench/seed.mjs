// Seeds the bench database fast: documents are built with the API's own mongoose models (from
// backend/dist, so defaults, casting and `strict: 'throw'` are the API's) and inserted in bulk with
// the driver, instead of thousands of API calls. `checkShapes` compares them with documents the API
// itself wrote, so a model change that the seed does not follow shows up in the report.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

const INSERT_BATCH = 5000;
export const BENCH_PASSWORD = 'bench password, never used anywhere else';

const TIME_ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney'];

const WEEKDAYS = [1, 2, 3, 4, 5];

// A mix of yes/no and measurable habits and of schedules, as people keep them. `rate`: how often
// a scheduled day is recorded; `value`: a measurable day's value.
const HABITS = [
  {
    name: 'Drink water',
    icon: '💧',
    color: '#0ea5e9',
    kind: 'measurable',
    target: { type: 'atLeast', value: 8, unit: 'glasses' },
    reminderTime: '09:00',
    rate: 0.85,
    value: (random) => 5 + Math.floor(random() * 6),
  },
  { name: 'Read 20 pages', icon: '📚', color: '#4f46e5', reminderTime: '21:30', rate: 0.7 },
  { name: 'Meditate', icon: '🧘', color: '#10b981', reminderTime: '07:00', rate: 0.6 },
  {
    name: 'Walk',
    icon: '🚶',
    color: '#f59e0b',
    kind: 'measurable',
    target: { type: 'atLeast', value: 8000, unit: 'steps' },
    rate: 0.75,
    value: (random) => 3000 + Math.floor(random() * 9000),
  },
  {
    name: 'Stretch',
    icon: '🤸',
    color: '#ec4899',
    schedule: { type: 'weekdays', days: WEEKDAYS },
    rate: 0.65,
  },
  {
    name: 'Coffee',
    icon: '☕',
    color: '#92400e',
    kind: 'measurable',
    target: { type: 'atMost', value: 2, unit: 'cups' },
    rate: 0.9,
    value: (random) => Math.floor(random() * 4),
  },
  // Done by logging a workout (the API marks the workout's local day): its days are the workouts'.
  {
    name: 'Gym',
    icon: '🏋️',
    color: '#ef4444',
    schedule: { type: 'weekly', times: 3 },
    linkedToWorkouts: true,
  },
  { name: 'Floss', icon: '🦷', color: '#14b8a6', reminderTime: '22:00', rate: 0.8 },
];

/** What a person sends to create the first seeded habit (for the shape check). */
export const PROBE_HABIT = (({ name, icon, color, kind, target, reminderTime }) => ({
  name,
  icon,
  color,
  kind,
  target,
  reminderTime,
}))(HABITS[0]);

// Catalog exercises (by key) with a starting working weight in kg, raised every few sessions;
// a null weight is a bodyweight exercise.
const EXERCISES = [
  { key: 'back-squat', weight: 80, step: 2.5 },
  { key: 'bench-press', weight: 60, step: 2.5 },
  { key: 'deadlift', weight: 100, step: 5 },
  { key: 'overhead-press', weight: 40, step: 1.25 },
  { key: 'barbell-row', weight: 55, step: 2.5 },
  { key: 'pull-up', weight: null, step: 0 },
  { key: 'romanian-deadlift', weight: 70, step: 2.5 },
  { key: 'barbell-curl', weight: 25, step: 1.25 },
];

/** A small seeded generator, so two runs seed the same data. */
function randomFrom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The local calendar date in a time zone, `YYYY-MM-DD`. */
export function localDate(timeZone, at = new Date()) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function addDays(date, days) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function weekdayOf(date) {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The API's models, password hashing and calendar keys, from the production build. */
export function loadBackend(root) {
  const requireFromBackend = createRequire(path.join(root, 'backend', 'package.json'));
  const dist = (file) => requireFromBackend(path.join(root, 'backend', 'dist', file));
  const habits = dist('habits/model.js');
  const calendar = dist('habits/rules/calendar.js');
  const { CATALOG } = dist('exercises/catalog.js');
  const { catalogExerciseId } = dist('exercises/seed.js');
  const records = dist('workouts/records.js');

  return {
    mongoose: requireFromBackend('mongoose'),
    // The keys a completion is written with, computed as the habits service computes them.
    completionKeysOf: (date) => ({
      isoWeek: calendar.isoWeekKeyOf(date),
      sundayWeek: calendar.weekStartOf(date, 'sunday'),
      month: calendar.monthKeyOf(date),
    }),
    /** A catalog exercise as a workout entry stores it: its derived id, name and kind. */
    exerciseOf: (key) => {
      const exercise = CATALOG.find((item) => item.key === key);
      if (!exercise) {
        throw new Error(`the exercise catalog has no "${key}"`);
      }
      return { exerciseId: catalogExerciseId(key), name: exercise.name, kind: exercise.kind };
    },
    volumeKgOf: (kind, sets) => records.volumeKg(kind, sets),
    models: {
      users: dist('users/model.js').UserModel,
      habits: habits.HabitModel,
      completions: habits.CompletionModel,
      workouts: dist('workouts/model.js').WorkoutModel,
    },
    hashPassword: dist('auth/password.js').hashPassword,
  };
}

/**
 * A document as the API's write would store it: the model's defaults applied, values cast, unknown
 * fields refused. `create()` stores every default; an upsert (how completions are written) stores
 * the fields it sets plus the non-null defaults, and both add the version key.
 */
async function documentOf(Model, fields, { isUpsert = false } = {}) {
  const doc = new Model(fields);
  await doc.validate();
  const raw = doc.toObject({ depopulate: true, versionKey: false });
  if (isUpsert) {
    for (const [key, value] of Object.entries(raw)) {
      if (value === null && !(key in fields)) {
        delete raw[key];
      }
    }
  }
  return { ...raw, __v: 0 };
}

async function insertAll(Model, docs) {
  for (let i = 0; i < docs.length; i += INSERT_BATCH) {
    await Model.collection.insertMany(docs.slice(i, i + INSERT_BATCH), { ordered: false });
  }
}

function instantOf(date, random) {
  const seconds = 6 * 3600 + Math.floor(random() * 16 * 3600);
  return new Date(Date.parse(`${date}T00:00:00Z`) + seconds * 1000);
}

/** A completion as the habits service upserts it (with its week and month keys). */
function completionOf(backend, { userId, habitId, date, status, value, note, at }) {
  return documentOf(
    backend.models.completions,
    {
      userId,
      habitId,
      date,
      ...backend.completionKeysOf(date),
      status,
      value,
      note,
      createdAt: at,
      updatedAt: at,
    },
    { isUpsert: true },
  );
}

/**
 * A workout-linked habit's days: one done day per local date with a workout, inserted as logging
 * a workout marks it (a plain insert, so every default is stored, and `source: 'workout'`).
 */
function linkedCompletionsFor({ backend, user, habit, workouts, random }) {
  const dates = [...new Set(workouts.map((workout) => workout.date))];
  return Promise.all(
    dates.map((date) => {
      const at = instantOf(date, random);
      return documentOf(backend.models.completions, {
        userId: user._id,
        habitId: habit._id,
        date,
        ...backend.completionKeysOf(date),
        status: 'done',
        source: 'workout',
        createdAt: at,
        updatedAt: at,
      });
    }),
  );
}

function completionsFor({ backend, user, habit, spec, firstDate, lastDate, random }) {
  const docs = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    if (spec.schedule?.type === 'weekdays' && !spec.schedule.days.includes(weekday)) {
      continue;
    }
    // Weekends are weaker days for most habits; now and then a day is skipped on purpose.
    const rate = [0, 6].includes(weekday) ? spec.rate - 0.15 : spec.rate;
    const roll = random();
    const isSkipped = roll >= rate && roll < rate + 0.03;
    if (roll >= rate && !isSkipped) {
      continue;
    }
    const isDone = !isSkipped;
    docs.push(
      completionOf(backend, {
        userId: user._id,
        habitId: habit._id,
        date,
        status: isDone ? 'done' : 'skipped',
        value: isDone && spec.value ? spec.value(random) : null,
        note: random() < 0.05 ? 'Felt good today' : '',
        at: instantOf(date, random),
      }),
    );
  }
  return Promise.all(docs);
}

function setOf({ reps, weightKg, type = 'normal', rpe = null }) {
  return { type, reps, weightKg, rpe, durationSeconds: null, distanceMeters: null };
}

function exerciseEntryOf(backend, exercise, session, random) {
  const { exerciseId, name, kind } = backend.exerciseOf(exercise.key);
  const weightKg =
    exercise.weight === null ? null : exercise.weight + exercise.step * Math.floor(session / 6);
  const sets = [];
  if (weightKg !== null && random() < 0.5) {
    sets.push(setOf({ type: 'warmup', reps: 8, weightKg: Math.round(weightKg * 0.5) }));
  }
  const working = 3 + Math.floor(random() * 3);
  for (let i = 0; i < working; i += 1) {
    const rpe = random() < 0.3 ? 7 + Math.floor(random() * 6) / 2 : null;
    sets.push(setOf({ reps: 5 + Math.floor(random() * 8), weightKg, rpe }));
  }
  return { exerciseId, name, kind, supersetGroup: null, notes: '', sets };
}

function workoutsFor({ backend, user, firstDate, lastDate, random }) {
  const docs = [];
  let session = 0;
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    // About three sessions a week, mostly Monday, Wednesday and Friday.
    const isTrainingDay = [1, 3, 5].includes(weekdayOf(date)) ? random() < 0.85 : random() < 0.05;
    if (!isTrainingDay) {
      continue;
    }
    session += 1;
    const count = 4 + Math.floor(random() * 3);
    const start = Math.floor(random() * EXERCISES.length);
    const exercises = Array.from({ length: count }, (_, i) =>
      exerciseEntryOf(backend, EXERCISES[(start + i) % EXERCISES.length], session, random),
    );
    // Around 11:00 UTC: the same local date in every seeded time zone (UTC-5 to UTC+11).
    const startedAt = new Date(
      Date.parse(`${date}T11:00:00Z`) + Math.floor(random() * 3600) * 1000,
    );
    const endedAt = new Date(startedAt.getTime() + (45 + Math.floor(random() * 45)) * 60_000);
    docs.push(
      documentOf(backend.models.workouts, {
        userId: user._id,
        clientId: randomUUID(),
        date,
        startedAt,
        endedAt,
        notes: random() < 0.2 ? 'Good session, slept well' : '',
        routineId: null,
        exercises,
        volumeKg: exercises.reduce(
          (total, entry) => total + backend.volumeKgOf(entry.kind, entry.sets),
          0,
        ),
        createdAt: endedAt,
        updatedAt: endedAt,
      }),
    );
  }
  return Promise.all(docs);
}

/** What a client sends to log a workout (for the shape check and the mix's writes). */
export function workoutBodyOf(backend, startedAt) {
  return {
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + 3_600_000).toISOString(),
    notes: '',
    exercises: ['bench-press', 'barbell-row'].map((key, index) => ({
      exerciseId: String(backend.exerciseOf(key).exerciseId),
      sets: [
        { reps: 5, weight: 60 - index * 10, rpe: 8 },
        { reps: 5, weight: 60 - index * 10 },
      ],
    })),
  };
}

/**
 * Seeds `users` people, each with `habits` habits and `days` days of completions and workouts up
 * to their local today. Answers the users (id, email, time zone, habit ids) and document counts.
 */
export async function seedUsers(
  backend,
  { users, habits, days, seed = 42, emailPrefix = 'bench.user' },
) {
  const { models } = backend;
  const random = randomFrom(seed);
  const passwordHash = await backend.hashPassword(BENCH_PASSWORD);
  const docs = { users: [], habits: [], completions: [], workouts: [] };
  const seeded = [];

  for (let u = 0; u < users; u += 1) {
    const timezone = TIME_ZONES[u % TIME_ZONES.length];
    const today = localDate(timezone);
    // With days = 0 the user has no history at all (firstDate is tomorrow).
    const firstDate = addDays(today, -(days - 1));
    const joinedAt = new Date(Date.parse(`${addDays(today, -days)}T00:00:00Z`));
    const user = await documentOf(models.users, {
      email: `${emailPrefix}${u + 1}@example.test`,
      passwordHash,
      name: `Bench User ${u + 1}`,
      timezone,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    });
    docs.users.push(user);
    const workouts = await workoutsFor({ backend, user, firstDate, lastDate: today, random });
    docs.workouts.push(...workouts);
    const userHabits = [];
    for (let h = 0; h < habits; h += 1) {
      const spec = HABITS[(u + h) % HABITS.length];
      // The start is the first day of the history (or today without one), as the API keeps it.
      const startDate = days > 0 ? firstDate : today;
      const habit = await documentOf(models.habits, {
        userId: user._id,
        name: spec.name,
        description: h % 3 === 0 ? 'Part of the morning routine' : '',
        color: spec.color,
        icon: spec.icon,
        kind: spec.kind ?? 'boolean',
        target: spec.target ?? null,
        startDate,
        schedules: [{ ...(spec.schedule ?? { type: 'daily' }), from: startDate }],
        reminderTime: spec.reminderTime ?? null,
        linkedToWorkouts: spec.linkedToWorkouts ?? false,
        position: h,
        createdAt: joinedAt,
        updatedAt: joinedAt,
      });
      docs.habits.push(habit);
      userHabits.push(habit);
      docs.completions.push(
        ...(spec.linkedToWorkouts
          ? await linkedCompletionsFor({ backend, user, habit, workouts, random })
          : await completionsFor({
              backend,
              user,
              habit,
              spec,
              firstDate,
              lastDate: today,
              random,
            })),
      );
    }
    seeded.push({
      id: String(user._id),
      email: user.email,
      timezone,
      habitIds: userHabits.map((habit) => String(habit._id)),
      // What a check-in must send: a measurable habit's day needs a value.
      habitKinds: userHabits.map((habit) => habit.kind),
    });
  }

  await Promise.all(Object.values(models).map((Model) => Model.init()));
  for (const [name, list] of Object.entries(docs)) {
    await insertAll(models[name], list);
  }

  return {
    users: seeded,
    counts: Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.length])),
    sampleIds: Object.fromEntries(
      Object.entries(docs).map(([name, list]) => [name, String(list[0]?._id)]),
    ),
  };
}

/**
 * Adds daily completions to one habit for the days [fromDaysAgo, toDaysAgo] before today and moves
 * the habit's start back to the earliest, as the API does when an earlier day is recorded.
 */
export async function seedHistory(backend, { userId, habitId, timezone, fromDaysAgo, toDaysAgo }) {
  const { models } = backend;
  const { ObjectId } = backend.mongoose.Types;
  const today = localDate(timezone);
  const docs = [];
  for (let ago = fromDaysAgo; ago <= toDaysAgo; ago += 1) {
    const date = addDays(today, -ago);
    docs.push(
      completionOf(backend, {
        userId: new ObjectId(userId),
        habitId: new ObjectId(habitId),
        date,
        status: 'done',
        value: null,
        note: '',
        at: instantOf(date, () => 0.5),
      }),
    );
  }
  await insertAll(models.completions, await Promise.all(docs));
  const earliest = addDays(today, -toDaysAgo);
  await models.habits.collection.updateOne(
    { _id: new ObjectId(habitId), startDate: { $gt: earliest } },
    { $set: { startDate: earliest, 'schedules.0.from': earliest } },
  );
  return docs.length;
}

/** Every field path of a document ("exercises.sets.reps"), array items merged. */
function pathsOf(value, prefix = '', into = new Set()) {
  if (Array.isArray(value)) {
    value.forEach((item) => pathsOf(item, prefix, into));
    return into;
  }
  const isPlainObject =
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    value._bsontype === undefined;
  if (!isPlainObject) {
    if (prefix) {
      into.add(prefix);
    }
    return into;
  }
  for (const [key, child] of Object.entries(value)) {
    pathsOf(child, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}

/**
 * Compares the field paths of documents the API wrote with seeded documents of the same
 * collections. `written` gives, by collection, an id or a filter (`{ habitId, date }`) of a
 * document the API wrote; `seeded` an id of a seeded one. Answers the differences; {} if none.
 */
export async function checkShapes(backend, { written, seeded }) {
  const { ObjectId } = backend.mongoose.Types;
  const filterOf = (idOrFilter) =>
    typeof idOrFilter === 'string'
      ? { _id: new ObjectId(idOrFilter) }
      : Object.fromEntries(
          Object.entries(idOrFilter).map(([key, value]) => [
            key,
            key.endsWith('Id') ? new ObjectId(value) : value,
          ]),
        );
  const differences = {};
  for (const [collection, idOrFilter] of Object.entries(written)) {
    const Model = backend.models[collection];
    const apiDoc = await Model.collection.findOne(filterOf(idOrFilter));
    const seededDoc = seeded[collection]
      ? await Model.collection.findOne(filterOf(seeded[collection]))
      : null;
    if (!apiDoc || !seededDoc) {
      differences[collection] = 'no document to compare';
      continue;
    }
    const apiPaths = pathsOf(apiDoc);
    const seededPaths = pathsOf(seededDoc);
    const onlyApi = [...apiPaths].filter((p) => !seededPaths.has(p));
    const onlySeed = [...seededPaths].filter((p) => !apiPaths.has(p));
    if (onlyApi.length > 0 || onlySeed.length > 0) {
      differences[collection] = { onlyInApiDocument: onlyApi, onlyInSeededDocument: onlySeed };
    }
  }
  return differences;
}
