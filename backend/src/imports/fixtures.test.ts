import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { ExerciseModel } from '../exercises/model';
import { CompletionModel, HabitModel } from '../habits/model';
import { localDateIn } from '../lib/time';
import { buildUser, useTestServices, type TestUser } from '../test/setup';
import { WorkoutModel } from '../workouts/model';
import { fixture, fixtureZip, importFile, postFile } from './test/api';

// Each real export file of shared/fixtures/imports, imported through the API into its own account.
// Expected numbers were counted in the files themselves (see their README) and are explained
// where they differ from the row count.

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

async function ownExerciseNames(user: TestUser): Promise<string[]> {
  const own = await ExerciseModel.find({ ownerId: user.user._id }).sort({ name: 1 });
  return own.map((exercise) => `${exercise.name}: ${exercise.kind}`);
}

async function workoutAt(user: TestUser, startedAt: string) {
  const workout = await WorkoutModel.findOne({
    userId: user.user._id,
    startedAt: new Date(startedAt),
  });
  if (!workout) {
    throw new Error(`No workout started at ${startedAt}`);
  }
  return workout;
}

async function documentCounts(user: TestUser) {
  const userId = user.user._id;
  return {
    habits: await HabitModel.countDocuments({ userId }),
    days: await CompletionModel.countDocuments({ userId }),
    workouts: await WorkoutModel.countDocuments({ userId }),
    exercises: await ExerciseModel.countDocuments({ ownerId: userId }),
  };
}

describe('strong/strong-semicolon-quoted.csv', () => {
  let user: TestUser;
  const file = () => fixture('strong/strong-semicolon-quoted.csv');

  beforeAll(async () => {
    user = await buildUser({ timezone: 'Europe/Berlin' });
  });

  it('previews 10 workouts, 56 exercises and 166 sets; 15 names match the catalog, 4 do not', async () => {
    const res = await postFile(user, '/api/imports/preview', file(), 'strong.csv');

    expect(res.status).toBe(200);
    expect(res.body.preview).toMatchObject({
      format: 'strong',
      fileName: 'strong.csv',
      counts: { habits: 0, days: 0, workouts: 10, sets: 166, exercises: 56 },
      exercises: { matched: 15, created: 4 },
      alreadyImported: { habits: 0, days: 0, workouts: 0 },
      problemCount: 4,
    });
    expect(await documentCounts(user)).toEqual({ habits: 0, days: 0, workouts: 0, exercises: 0 });
  });

  it('imports all 10 workouts with 159 sets: the 7 sets without any value are left out', async () => {
    const job = await importFile(user, file(), 'strong.csv');

    expect(job).toMatchObject({
      status: 'done',
      progress: { done: 166, total: 166 },
      result: { habits: 0, days: 0, workouts: 10, sets: 159, exercises: 56, skipped: 0 },
      error: null,
      problemCount: 4,
    });
    expect(job.problems.map((problem) => problem.reason)).toEqual([
      'Workout of 2025-08-19 13:47:15: left out 1 set(s) without reps, weight, time or distance.',
      'Workout of 2025-08-22 12:02:37: left out 1 set(s) without reps, weight, time or distance.',
      'Workout of 2025-09-05 12:37:47: left out 2 set(s) without reps, weight, time or distance.',
      'Workout of 2025-09-09 13:12:12: left out 3 set(s) without reps, weight, time or distance.',
    ]);
    expect(await documentCounts(user)).toEqual({ habits: 0, days: 0, workouts: 10, exercises: 4 });
  });

  it('keeps the first workout: Berlin wall-clock times, its name as notes, the catalog row', async () => {
    // Line 2: 2024-11-28 17:36:08 (CET, UTC+1), "Duration (sec)" 2134, Bent Over Row 10 kg x 16.
    const workout = await workoutAt(user, '2024-11-28T16:36:08.000Z');

    expect(workout.endedAt?.toISOString()).toBe('2024-11-28T17:11:42.000Z');
    expect(workout.date).toBe('2024-11-28');
    expect(workout.notes).toBe('B');
    const [row] = workout.exercises;
    expect(String(row!.exerciseId)).toBe(catalogExerciseId('barbell-row').toHexString());
    expect(row!.sets[0]).toMatchObject({ type: 'normal', reps: 16, weightKg: 10 });
  });

  it('cleans float noise: Pull Up (Assisted), lines 118 to 120, is 15.8, 11.8 and 15.8 kg', async () => {
    const workout = await workoutAt(user, '2025-09-09T11:12:12.000Z');
    const assisted = workout.exercises.find((item) => item.name === 'Assisted Pull-Up');

    expect(assisted?.kind).toBe('assisted_bodyweight');
    expect(assisted?.sets.map((set) => [set.weightKg, set.reps])).toEqual([
      [15.8, 4],
      [11.8, 5],
      [15.8, 6],
    ]);
  });

  it('makes own exercises of the 4 names the catalog lacks', async () => {
    expect(await ownExerciseNames(user)).toEqual([
      'Glute Kickback (Machine): weight_reps',
      'Kettlebell Carry: weight_reps',
      'Lat Pulldown (Machine): weight_reps',
      'Triceps Extension (Cable): weight_reps',
    ]);
  });

  it('writes nothing when the same file is imported again', async () => {
    const preview = await postFile(user, '/api/imports/preview', file(), 'strong.csv');
    expect(preview.body.preview.alreadyImported).toEqual({ habits: 0, days: 0, workouts: 10 });
    expect(preview.body.preview.exercises).toEqual({ matched: 15, created: 0 });

    const job = await importFile(user, file(), 'strong.csv');

    expect(job.result).toEqual({
      habits: 0,
      days: 0,
      workouts: 0,
      sets: 0,
      exercises: 0,
      skipped: 10,
    });
    expect(await documentCounts(user)).toEqual({ habits: 0, days: 0, workouts: 10, exercises: 4 });
  });
});

describe('hevy/hevy-metric.csv', () => {
  let user: TestUser;
  const file = () => fixture('hevy/hevy-metric.csv');

  beforeAll(async () => {
    user = await buildUser({ timezone: 'Europe/Berlin' });
  });

  it('imports 128 workouts with all 814 exercises and 3000 sets', async () => {
    const job = await importFile(user, file(), 'hevy-metric.csv');

    expect(job).toMatchObject({
      status: 'done',
      progress: { done: 3000, total: 3000 },
      result: { habits: 0, days: 0, workouts: 128, sets: 3000, exercises: 814, skipped: 0 },
      problemCount: 0,
    });
    expect(await documentCounts(user)).toEqual({
      habits: 0,
      days: 0,
      workouts: 128,
      exercises: 36,
    });
  });

  it('keeps the newest workout: times, catalog matches, set types, weights and RPE', async () => {
    // Line 2: "15 Sep 2025, 07:48" to "09:13" (CEST, UTC+2); Seated Leg Curl warm-ups 39 kg x 10 and 51 kg x 6.
    const workout = await workoutAt(user, '2025-09-15T05:48:00.000Z');

    expect(workout.endedAt?.toISOString()).toBe('2025-09-15T07:13:00.000Z');
    expect(workout.notes).toBe('Lower // Ramp // Strength // 1');
    expect(workout.exercises.map((item) => item.name)).toEqual([
      'Seated Leg Curl',
      'Back Squat',
      'Back Extension (Weighted Hyperextension)',
      'Leg Extension',
      'Leg Press Calf Raise',
      'Cable Crunch',
    ]);
    expect(workout.exercises.reduce((sum, item) => sum + item.sets.length, 0)).toBe(25);
    const firstSets = workout.exercises[0]!.sets.slice(0, 2);
    expect(firstSets.map((set) => [set.type, set.weightKg, set.reps, set.rpe])).toEqual([
      ['warmup', 39, 10, 6],
      ['warmup', 51, 6, 6],
    ]);
  });

  it('keeps the superset of 11 Sep 2025: Hip Adduction and Hip Abduction share group 1', async () => {
    const workouts = await WorkoutModel.find({ userId: user.user._id, date: '2025-09-11' });
    const grouped = workouts
      .flatMap((workout) => workout.exercises)
      .filter((item) => item.supersetGroup !== null)
      .map((item) => [item.name, item.supersetGroup, item.sets.map((set) => set.weightKg)]);

    expect(grouped).toEqual([
      ['Hip Adduction Machine', 1, [37, 74, 74]],
      ['Hip Abduction Machine', 1, [30, 58, 58]],
    ]);
  });

  it('makes "Warm Up" (300 s rows) a timed exercise of its own and counts 476 sets at RPE 9.5', async () => {
    const workouts = await WorkoutModel.find({ userId: user.user._id });
    const sets = workouts.flatMap((workout) => workout.exercises.flatMap((item) => item.sets));
    const warmUps = workouts.flatMap((workout) =>
      workout.exercises.filter((item) => item.name === 'Warm Up'),
    );

    expect(sets.filter((set) => set.rpe === 9.5)).toHaveLength(476);
    expect(warmUps.flatMap((item) => item.sets).length).toBe(42);
    expect(warmUps[0]!.kind).toBe('duration');
  });
});

describe('loop-2x (as the zip Loop writes)', () => {
  it('imports both habits, the 6 checked days of Wake up early and its 3 note-only days', async () => {
    const user = await buildUser({ timezone: 'Europe/Berlin' });

    const job = await importFile(user, fixtureZip('loop-2x'), 'Loop Habits CSV 2015-01-25.zip');

    expect(job).toMatchObject({
      status: 'done',
      result: { habits: 2, days: 9, workouts: 0, sets: 0, exercises: 0, skipped: 0 },
    });
    const habits = await HabitModel.find({ userId: user.user._id }).sort({ position: 1 });
    expect(habits.map((habit) => [habit.name, habit.kind, habit.startDate])).toEqual([
      ['Meditate', 'boolean', localDateIn('Europe/Berlin')],
      ['Wake up early', 'boolean', '2015-01-16'],
    ]);
    // Loop's "2 times in 3 days" has no equal here: 5 times a week, reported on Habits.csv line 3.
    expect(habits[1]!.schedules.map((rule) => [rule.type, rule.times])).toEqual([['weekly', 5]]);
    expect(habits[0]!.description).toBe('Did you meditate this morning?');
    expect(habits[0]!.color).toBe('#FF8F00');
    const days = await CompletionModel.find({ habitId: habits[1]!._id }).sort({ date: 1 });
    expect(days.filter((day) => day.status === 'done').map((day) => day.date)).toEqual([
      '2015-01-16',
      '2015-01-17',
      '2015-01-20',
      '2015-01-21',
      '2015-01-22',
      '2015-01-25',
    ]);
    // YES_AUTO days (23, 19, 18) are Loop's own fill-in, not checks; three days carry notes only.
    expect(days.filter((day) => day.status === 'none').map((day) => [day.date, day.note])).toEqual([
      ['2015-01-19', '"Vacation"'],
      ['2015-01-23', 'Forgot to do it, really'],
      ['2015-01-24', 'Sick'],
    ]);

    const again = await importFile(user, fixtureZip('loop-2x'), 'again.zip');
    expect(again.result).toEqual({
      habits: 0,
      days: 0,
      workouts: 0,
      sets: 0,
      exercises: 0,
      skipped: 9,
    });
    expect(await documentCounts(user)).toEqual({ habits: 2, days: 9, workouts: 0, exercises: 0 });
  });
});

describe('loop-2x files sent alone', () => {
  it('Checkmarks.csv (the wide table): 2 habits named by its header, 6 days of Wake up early', async () => {
    const user = await buildUser({ timezone: 'Europe/Berlin' });

    const job = await importFile(user, fixture('loop-2x/Checkmarks.csv'), 'Checkmarks.csv');

    expect(job).toMatchObject({
      status: 'done',
      result: { habits: 2, days: 6, workouts: 0, sets: 0, exercises: 0, skipped: 0 },
    });
    const habits = await HabitModel.find({ userId: user.user._id }).sort({ position: 1 });
    expect(habits.map((habit) => [habit.name, habit.startDate])).toEqual([
      ['Meditate', localDateIn('Europe/Berlin')],
      ['Wake up early', '2015-01-16'],
    ]);
  });

  it('Habits.csv: the 2 habits with their settings and no day', async () => {
    const user = await buildUser();

    const job = await importFile(user, fixture('loop-2x/Habits.csv'), 'Habits.csv');

    expect(job.result).toEqual({
      habits: 2,
      days: 0,
      workouts: 0,
      sets: 0,
      exercises: 0,
      skipped: 0,
    });
  });

  it.each([
    ['loop-2x/Scores.csv', 'A Loop export needs Habits.csv or Checkmarks.csv.'],
    [
      'loop-2x/001 Meditate/Scores.csv',
      'Scores.csv: The file is not an export of Loop Habit Tracker, HabitBull, Strong or Hevy.',
    ],
    [
      'loop-2x/001 Meditate/Checkmarks.csv',
      "Checkmarks.csv: The file is not an export of Loop Habit Tracker, HabitBull, Strong or Hevy. It is one habit's Checkmarks.csv, which does not name the habit: send the whole Loop zip.",
    ],
    [
      'loop-2x/002 Wake up early/Checkmarks.csv',
      "Checkmarks.csv: The file is not an export of Loop Habit Tracker, HabitBull, Strong or Hevy. It is one habit's Checkmarks.csv, which does not name the habit: send the whole Loop zip.",
    ],
  ])('%s: refused with 422 naming file, nothing written', async (path, ending) => {
    const user = await buildUser();
    const name = path.slice(path.lastIndexOf('/') + 1);

    const res = await postFile(user, '/api/imports', fixture(path), name);

    expect(res.status).toBe(422);
    expect(res.body.error.details).toHaveLength(1);
    expect(res.body.error.details[0].field).toBe('file');
    expect(res.body.error.details[0].message.endsWith(ending)).toBe(true);
    expect(await documentCounts(user)).toEqual({ habits: 0, days: 0, workouts: 0, exercises: 0 });
  });
});

describe('habitbull/habitbull.csv', () => {
  it('imports 4 habits and 14 days; the 4 repeated rows are reported and left out', async () => {
    const user = await buildUser({ timezone: 'Europe/Berlin' });

    const job = await importFile(user, fixture('habitbull/habitbull.csv'), 'habitbull.csv');

    expect(job).toMatchObject({
      status: 'done',
      result: { habits: 4, days: 14, workouts: 0, sets: 0, exercises: 0, skipped: 0 },
      problemCount: 4,
    });
    expect(job.problems.map((problem) => problem.line)).toEqual([13, 14, 15, 16]);
    const habits = await HabitModel.find({ userId: user.user._id }).sort({ position: 1 });
    expect(habits.map((habit) => habit.name)).toEqual([
      'Breed dragons',
      'Reduce sleep',
      'No-arms pushup',
      'Grow spiritually',
    ]);
    expect(habits[3]!.description).toBe(
      'transcend ego, practice compassion, smile and breath\nCategory: Meditation',
    );
    const perHabit = await Promise.all(
      habits.map((habit) => CompletionModel.countDocuments({ habitId: habit._id })),
    );
    expect(perHabit).toEqual([3, 4, 4, 3]);
    const noted = await CompletionModel.findOne({ userId: user.user._id, note: 'text' });
    expect(noted && [noted.date, noted.status]).toEqual(['2016-03-18', 'done']);

    const again = await importFile(user, fixture('habitbull/habitbull.csv'), 'habitbull.csv');
    expect(again.result).toMatchObject({ habits: 0, days: 0, skipped: 14 });
  });
});
