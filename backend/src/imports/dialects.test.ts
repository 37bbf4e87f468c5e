import { seedExerciseCatalog } from '../exercises/seed';
import { ExerciseModel } from '../exercises/model';
import { CompletionModel, HabitModel } from '../habits/model';
import { api, buildUser, useTestServices, type TestUser } from '../test/setup';
import { WorkoutModel } from '../workouts/model';
import { KG_PER_LB } from '../workouts/units';
import { importFile } from './test/api';
import { buildZip } from './test/zip';

// The dialects the shared fixtures lack, built here as small files and imported through the API.

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

async function onlyWorkout(user: TestUser) {
  const workouts = await WorkoutModel.find({ userId: user.user._id });
  expect(workouts).toHaveLength(1);
  return workouts[0]!;
}

describe('Strong, comma dialect: duration as text, W/D/F set orders, weights in the profile unit', () => {
  const PUSH = '2023-01-05 18:02:11,"Push, heavy",1h 3m';
  const file = [
    'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n',
    `${PUSH},Bench Press (Barbell),W,135,10,0,0,,"Felt ""strong""",\n`,
    `${PUSH},Bench Press (Barbell),1,225,5,0,0,Paused reps,"Felt ""strong""",8.5\n`,
    `${PUSH},Bench Press (Barbell),D,185,8,0,0,,"Felt ""strong""",\n`,
    `${PUSH},Bench Press (Barbell),F,135,12,0,0,,"Felt ""strong""",10\n`,
    `${PUSH},Bench Press (Barbell),Rest Timer,0,0,0,90,,,\n`,
    `${PUSH},Running,1,0,0,3.1,1500,,"Felt ""strong""",\n`,
  ].join('');

  it('stores pounds as kilograms, the set types, the end from "1h 3m" and miles as metres', async () => {
    const user = await buildUser({ timezone: 'America/New_York' });
    await api().patch('/api/users/me').set(user.auth).send({ unit: 'lb' }).expect(200);

    const job = await importFile(user, file, 'strong.csv');

    expect(job).toMatchObject({ status: 'done', result: { workouts: 1, sets: 5, exercises: 2 } });
    const workout = await onlyWorkout(user);
    // 18:02:11 in New York (EST, UTC-5); "1h 3m" later.
    expect(workout.startedAt.toISOString()).toBe('2023-01-05T23:02:11.000Z');
    expect(workout.endedAt?.toISOString()).toBe('2023-01-06T00:05:11.000Z');
    expect(workout.date).toBe('2023-01-05');
    expect(workout.notes).toBe('Push, heavy\n\nFelt "strong"');
    const [bench, running] = workout.exercises;
    expect(bench!.name).toBe('Bench Press');
    expect(bench!.notes).toBe('Paused reps');
    expect(bench!.sets.map((set) => [set.type, set.reps, set.rpe])).toEqual([
      ['warmup', 10, null],
      ['normal', 5, 8.5],
      ['drop', 8, null],
      ['failure', 12, 10],
    ]);
    expect(bench!.sets.map((set) => Math.round((set.weightKg! / KG_PER_LB) * 1e4) / 1e4)).toEqual([
      135, 225, 185, 135,
    ]);
    expect(running!.name).toBe('Running');
    expect(running!.sets.map((set) => [set.distanceMeters, set.durationSeconds, set.reps])).toEqual(
      [[4988.97, 1500, null]],
    );
  });
});

describe('Hevy, imperial with Spanish month names and a superset', () => {
  it('stores kilograms and metres, keeps the superset, makes own exercises of unknown names', async () => {
    const user = await buildUser({ timezone: 'Europe/Madrid' });
    const chest = '"Pecho, hombro","3 ago 2025, 18:05","3 ago 2025, 19:20","Buen día\\nfuerte"';
    const file = [
      '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles","duration_seconds","rpe"\n',
      `${chest},"Press de banca",,"",0,"warmup",95,10,,,\n`,
      `${chest},"Press de banca",,"",1,"normal",225,5,,,8.5\n`,
      `${chest},"Fondos 🔥",1,"",0,"dropset",45,8,,,9.5\n`,
      `${chest},"Face Pull",1,"",0,"failure",50,15,,,7.3\n`,
      `${chest},"Correr",,"",0,"normal",,,1.5,720,\n`,
    ].join('');

    const job = await importFile(user, file, 'hevy.csv');

    expect(job).toMatchObject({ status: 'done', result: { workouts: 1, sets: 5, exercises: 4 } });
    expect(job.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [5, 'RPE "7.3" rounded to 7.5.'],
    ]);
    const workout = await onlyWorkout(user);
    expect(workout.startedAt.toISOString()).toBe('2025-08-03T16:05:00.000Z');
    expect(workout.notes).toBe('Pecho, hombro\n\nBuen día\nfuerte');
    expect(
      workout.exercises.map((item) => [
        item.name,
        item.kind,
        item.supersetGroup,
        item.sets.map((set) => [set.type, set.weightKg, set.reps, set.rpe, set.distanceMeters]),
      ]),
    ).toEqual([
      [
        'Press de banca',
        'weight_reps',
        null,
        [
          ['warmup', 43.091275, 10, null, null],
          ['normal', 102.058283, 5, 8.5, null],
        ],
      ],
      ['Fondos 🔥', 'weight_reps', 1, [['drop', 20.411657, 8, 9.5, null]]],
      ['Face Pull', 'weight_reps', 1, [['failure', 22.679619, 15, 7.5, null]]],
      ['Correr', 'distance_duration', null, [['normal', null, null, null, 2414.02]]],
    ]);
    const own = await ExerciseModel.find({ ownerId: user.user._id }).sort({ name: 1 });
    expect(own.map((exercise) => exercise.name)).toEqual(['Correr', 'Fondos 🔥', 'Press de banca']);
  });
});

describe('Loop, measurable habits in a zip', () => {
  it('keeps units, targets, values divided by 1000, skips, notes and a comma-and-emoji name', async () => {
    const user = await buildUser({ timezone: 'Europe/Berlin' });
    const zip = buildZip([
      {
        name: 'Habits.csv',
        content:
          'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
          '001,"Run, 🏃 far",NUMERICAL,How far?,"Long, slow",1,1,#E53935,km,AT_LEAST,5.0,true\n' +
          '002,Coffee,NUMERICAL,,,1,7,#6D4C41,cups,AT_MOST,2.0,false\n',
      },
      {
        name: '001 Run  far/Checkmarks.csv',
        content:
          'Date,Value,Notes\n2024-03-03,5500,"Windy,\nbut fine"\n2024-03-02,SKIP,Rest day\n2024-03-01,UNKNOWN,\n2024-02-29,NO,\n',
      },
      { name: '002 Coffee/Checkmarks.csv', content: 'Date,Value,Notes\n2024-03-03,3000,\n' },
    ]);

    const job = await importFile(user, zip, 'Loop.zip');

    expect(job).toMatchObject({ status: 'done', result: { habits: 2, days: 4, skipped: 0 } });
    const [run, coffee] = await HabitModel.find({ userId: user.user._id }).sort({ position: 1 });
    expect(run).toMatchObject({
      name: 'Run, 🏃 far',
      kind: 'measurable',
      description: 'How far?\nLong, slow',
      color: '#E53935',
      startDate: '2024-02-29',
    });
    expect(run!.toObject().target).toEqual({ type: 'atLeast', value: 5, unit: 'km' });
    expect(run!.archivedAt).toBeInstanceOf(Date);
    expect(coffee!.toObject().target).toEqual({ type: 'atMost', value: 2, unit: 'cups' });
    // The parser reads Loop's 1 in 7 days as every 7 days.
    expect(coffee!.schedules.map((rule) => [rule.type, rule.interval])).toEqual([['interval', 7]]);
    const days = await CompletionModel.find({ habitId: run!._id }).sort({ date: 1 });
    expect(days.map((day) => [day.date, day.status, day.value, day.note])).toEqual([
      ['2024-02-29', 'done', 0, ''],
      ['2024-03-02', 'skipped', null, 'Rest day'],
      ['2024-03-03', 'done', 5.5, 'Windy,\nbut fine'],
    ]);
    expect((await CompletionModel.findOne({ habitId: coffee!._id }))?.value).toBe(3);
  });
});
