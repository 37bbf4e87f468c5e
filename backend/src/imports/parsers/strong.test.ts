import { importFixture } from '../../test/fixtures';
import { diskFile } from '../sources';
import { collectImport, memoryFile, type CollectedImport } from '../test/helpers';
import type { ImportedWorkout } from '../types';

function setCount(workouts: ImportedWorkout[]): number {
  return workouts.reduce(
    (sum, workout) =>
      sum + workout.exercises.reduce((inner, exercise) => inner + exercise.sets.length, 0),
    0,
  );
}

describe('Strong: the real export in shared/fixtures/imports/strong (semicolons, all quoted)', () => {
  let result: CollectedImport;
  beforeAll(async () => {
    const path = importFixture('strong', 'strong-semicolon-quoted.csv');
    result = await collectImport([diskFile(path, 'strong-semicolon-quoted.csv')]);
  });

  it('finds 10 workouts, 56 exercises and all 166 sets, with no problem reported', () => {
    expect(result.format).toBe('strong');
    expect(result.workouts).toHaveLength(10);
    expect(result.workouts.reduce((sum, workout) => sum + workout.exercises.length, 0)).toBe(56);
    expect(setCount(result.workouts)).toBe(166);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the first workout whole: start, end from "Duration (sec)", exercises in order', () => {
    const first = result.workouts[0]!;

    expect(first).toMatchObject({
      key: '2024-11-28T17:36:08|B',
      date: '2024-11-28',
      startedAt: '2024-11-28T17:36:08',
      endedAt: '2024-11-28T18:11:42',
      name: 'B',
      notes: '',
    });
    expect(first.exercises.map((exercise) => [exercise.name, exercise.sets.length])).toEqual([
      ['Bent Over Row (Barbell)', 3],
      ['Bicep Curl (Barbell)', 3],
      ['Lat Pulldown (Machine)', 4],
    ]);
    expect(first.exercises[2]!.sets[3]).toEqual({
      type: 'normal',
      reps: 20,
      weightKg: 10,
      weightUnit: 'kg',
      rpe: null,
      durationSeconds: null,
      distanceMeters: null,
    });
  });

  it('cleans float noise: 15.799999999999997 kg (lines 118 to 120) is 15.8 kg', () => {
    const workout = result.workouts[7]!;
    const pullUps = workout.exercises.find((exercise) => exercise.name === 'Pull Up (Assisted)')!;

    expect(workout.startedAt).toBe('2025-09-09T13:12:12');
    expect(pullUps.sets.map((set) => [set.weightKg, set.reps])).toEqual([
      [15.8, 4],
      [11.8, 5],
      [15.8, 6],
    ]);
  });

  it('keeps a set with empty weight and reps as a set without values', () => {
    const legPress = result.workouts[1]!.exercises[0]!;

    expect(legPress.name).toBe('Leg Press');
    expect(legPress.sets[3]).toMatchObject({ reps: null, weightKg: null, weightUnit: null });
  });

  it('ends the last workout after its 4105 seconds', () => {
    const last = result.workouts.at(-1)!;

    expect(last).toMatchObject({
      startedAt: '2025-09-15T19:24:40',
      endedAt: '2025-09-15T20:33:05',
      name: 'Tuesdays',
    });
    expect(setCount([last])).toBe(23);
  });
});

const COMMA_HEADER =
  'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n';
const PUSH = '2023-01-05 18:02:11,"Push, heavy",1h 3m';

const commaDialect = () =>
  memoryFile(
    'strong.csv',
    COMMA_HEADER,
    `${PUSH},Bench Press (Barbell),W,135,10,0,0,,"Felt ""strong""",\n`,
    `${PUSH},Bench Press (Barbell),1,225,5,0,0,Paused reps,"Felt ""strong""",8.5\n`,
    `${PUSH},Bench Press (Barbell),2,225,5,0,0,Paused reps,"Felt ""strong""",9\n`,
    `${PUSH},Bench Press (Barbell),D,185,8,0,0,,"Felt ""strong""",\n`,
    `${PUSH},Bench Press (Barbell),F,135,12,0,0,,"Felt ""strong""",10\n`,
    `${PUSH},Bench Press (Barbell),Rest Timer,0,0,0,90,,,\n`,
    `${PUSH},Running,1,0,0,3.1,1500,,"Felt ""strong""",\n`,
    '2023-01-07 7:15:00 AM,Legs,45m,Squat (Barbell),1,315,3,0,0,,,\n',
  );

describe('Strong: the comma dialect (duration as text, unit not in the file)', () => {
  it('reads pounds when the user says the app was set to pounds', async () => {
    const result = await collectImport([commaDialect()], { weightUnit: 'lb' });
    const push = result.workouts[0]!;
    const bench = push.exercises[0]!;

    expect(result.format).toBe('strong');
    expect(push).toMatchObject({
      startedAt: '2023-01-05T18:02:11',
      endedAt: '2023-01-05T19:05:11',
      name: 'Push, heavy',
      notes: 'Felt "strong"',
    });
    expect(bench.notes).toBe('Paused reps');
    expect(bench.sets.map((set) => [set.type, set.weightKg, set.reps, set.rpe])).toEqual([
      ['warmup', 61.23497, 10, null],
      ['normal', 102.058283, 5, 8.5],
      ['normal', 102.058283, 5, 9],
      ['drop', 83.914588, 8, null],
      ['failure', 61.23497, 12, 10],
    ]);
    expect(bench.sets.every((set) => set.weightUnit === 'lb')).toBe(true);
    // Unlabelled distances follow the weights: miles.
    expect(push.exercises[1]!.sets).toEqual([
      {
        type: 'normal',
        reps: 0,
        weightKg: 0,
        weightUnit: 'lb',
        rpe: null,
        durationSeconds: 1500,
        distanceMeters: 4988.97,
      },
    ]);
    expect(result.workouts[1]).toMatchObject({
      startedAt: '2023-01-07T07:15:00',
      endedAt: '2023-01-07T08:00:00',
    });
    expect(result.warnings).toEqual([
      {
        level: 'warning',
        file: 'strong.csv',
        line: 2,
        message: 'The file does not say the weight unit: weights were read as lb.',
      },
    ]);
  });

  it('reads kilograms by default and says so once', async () => {
    const result = await collectImport([commaDialect()]);

    expect(result.workouts[0]!.exercises[0]!.sets[1]!.weightKg).toBe(225);
    expect(result.warnings.map((issue) => issue.message)).toEqual([
      'The file does not say the weight unit: weights were read as kg.',
    ]);
  });
});

describe('Strong: the older semicolon dialect with unit columns', () => {
  it('reads per-row units, a decimal comma, distances and a repeated exercise', async () => {
    const result = await collectImport([
      memoryFile(
        'strong.csv',
        'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n',
        '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";1;20;kg;5;;;;0;"";"";42m\n',
        '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";2;93,5;kg;4;;;;0;;;42m\n',
        '2019-01-11 12:31:54;"Leg";"Rowing (Machine)";1;;;;;2;km;600;;;42m\n',
        '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";1;100;lbs;3;;;;0;;;42m\n',
      ),
    ]);
    const workout = result.workouts[0]!;

    expect(result.errors).toEqual([]);
    expect(workout.endedAt).toBe('2019-01-11T13:13:54');
    expect(workout.exercises.map((exercise) => exercise.name)).toEqual([
      'Deadlift (Barbell)',
      'Rowing (Machine)',
      'Deadlift (Barbell)',
    ]);
    expect(workout.exercises[0]!.sets.map((set) => set.weightKg)).toEqual([20, 93.5]);
    expect(workout.exercises[1]!.sets[0]).toMatchObject({
      weightKg: null,
      reps: null,
      distanceMeters: 2000,
      durationSeconds: 600,
    });
    expect(workout.exercises[2]!.sets[0]).toMatchObject({ weightKg: 45.359237, weightUnit: 'lb' });
  });
});

describe('Strong: rows that cannot be read', () => {
  it('reports each with its line and reason, and keeps the readable rows', async () => {
    const result = await collectImport([
      memoryFile(
        'strong.csv',
        COMMA_HEADER,
        '2023-01-05 18:02:11,Push,1h,Bench Press,1,100,5,0,0,,,\n',
        '2023-01-32 18:02:11,Push,1h,Bench Press,2,100,5,0,0,,,\n',
        '2023-01-05 18:02:11,Push,1h,Bench Press,X,100,5,0,0,,,\n',
        '2023-01-05 18:02:11,Push,1h,Bench Press,3,100,5.5,0,0,,,\n',
        '2023-01-05 18:02:11,Push,1h,Bench Press,4,-100,5,0,0,,,\n',
        '2023-01-05 18:02:11,Push,1h,Bench Press,5,100,5,0,0,,,12\n',
        '2023-01-05 18:02:11;Push;1h;Bench Press;6;100;5;0;0;;;\n',
        '2023-01-06 09:00:00,Pull,soon,Row,1,50,10,0,0,,,\n',
        '2023-01-05 18:02:11,Push,1h,Bench Press,7,100,5,0,0,,,\n',
      ),
    ]);

    expect(result.errors.map((issue) => [issue.line, issue.message])).toEqual([
      [3, 'Unreadable date "2023-01-32 18:02:11".'],
      [4, 'Unknown set order "x".'],
      [5, 'Reps must be a whole number, found "5.5".'],
      [6, 'Negative weight "-100".'],
      [8, 'Expected 12 fields, found 1 (a wrong delimiter or a cut line?).'],
      [
        10,
        'This row belongs to the workout of 2023-01-05 18:02:11, whose other rows came earlier in the file.',
      ],
    ]);
    expect(result.warnings.map((issue) => [issue.line, issue.message])).toEqual([
      [2, 'The file does not say the weight unit: weights were read as kg.'],
      [7, 'RPE "12" is not between 1 and 10: left out.'],
      [9, 'Unreadable workout duration "soon": the workout has no end time.'],
    ]);
    expect(result.workouts.map((workout) => [workout.name, setCount([workout])])).toEqual([
      ['Push', 2],
      ['Pull', 1],
    ]);
  });
});
