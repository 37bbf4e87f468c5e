import { importFixture } from '../../test/fixtures';
import { diskFile } from '../sources';
import { collectImport, memoryFile, type CollectedImport } from '../test/helpers';
import type { ImportedSet } from '../types';

describe('Hevy: the real export in shared/fixtures/imports/hevy (metric, 3000 rows)', () => {
  let result: CollectedImport;
  let sets: ImportedSet[];
  beforeAll(async () => {
    const path = importFixture('hevy', 'hevy-metric.csv');
    result = await collectImport([diskFile(path, 'hevy-metric.csv')]);
    sets = result.workouts.flatMap((workout) =>
      workout.exercises.flatMap((exercise) => exercise.sets),
    );
  });

  it('finds 128 workouts, 814 exercises and all 3000 sets, with no problem reported', () => {
    expect(result.format).toBe('hevy');
    expect(result.workouts).toHaveLength(128);
    expect(result.workouts.reduce((sum, workout) => sum + workout.exercises.length, 0)).toBe(814);
    expect(sets).toHaveLength(3000);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('counts every set type, Hevy "dropset" being a drop set', () => {
    const counts = new Map<string, number>();
    for (const set of sets) {
      counts.set(set.type, (counts.get(set.type) ?? 0) + 1);
    }

    expect(Object.fromEntries(counts)).toEqual({
      warmup: 996,
      normal: 1412,
      failure: 581,
      drop: 11,
    });
  });

  it('keeps RPE half steps, and empty weights and untimed sets as null', () => {
    expect(sets.filter((set) => set.rpe === 9.5)).toHaveLength(476);
    expect(sets.filter((set) => set.rpe === null)).toHaveLength(49);
    expect(sets.filter((set) => set.weightKg === null)).toHaveLength(167);
    expect(sets.filter((set) => set.durationSeconds !== null)).toHaveLength(42);
    expect(sets.filter((set) => set.distanceMeters !== null)).toHaveLength(0);
  });

  it('reads the newest workout: times with English month names, sets in order', () => {
    const first = result.workouts[0]!;

    expect(first).toMatchObject({
      key: '2025-09-15T07:48:00|Lower // Ramp // Strength // 1',
      date: '2025-09-15',
      startedAt: '2025-09-15T07:48:00',
      endedAt: '2025-09-15T09:13:00',
      name: 'Lower // Ramp // Strength // 1',
    });
    expect(first.exercises[0]).toEqual({
      name: 'Seated Leg Curl (Machine)',
      supersetId: null,
      notes: '',
      sets: [
        { type: 'warmup', reps: 10, weightKg: 39, weightUnit: 'kg', rpe: 6 },
        { type: 'warmup', reps: 6, weightKg: 51, weightUnit: 'kg', rpe: 6 },
        { type: 'normal', reps: 12, weightKg: 78, weightUnit: 'kg', rpe: 9 },
        { type: 'failure', reps: 10, weightKg: 78, weightUnit: 'kg', rpe: 9.5 },
      ].map((set) => ({ ...set, durationSeconds: null, distanceMeters: null })),
    });
  });

  it('turns the two characters \\n in notes back into a line break', () => {
    const calfPress = result.workouts[0]!.exercises.find(
      (exercise) => exercise.name === 'Calf Press (Machine)',
    )!;

    expect(calfPress.notes).toBe('Lower: all sets 175 next time\nLegs: 170');
  });

  it('keeps superset ids: Hip Adduction and Hip Abduction of 11 Sep 2025 share superset 0', () => {
    const legs = result.workouts.find((workout) => workout.startedAt === '2025-09-11T07:49:00')!;

    expect(legs.exercises.map((exercise) => [exercise.name, exercise.supersetId])).toEqual([
      ['Leg Press (Machine)', null],
      ['Seated Leg Curl (Machine)', null],
      ['Lunge (Dumbbell)', null],
      ['Leg Extension (Machine)', null],
      ['Hip Adduction (Machine)', '0'],
      ['Hip Abduction (Machine)', '0'],
      ['Calf Press (Machine)', null],
    ]);
    expect(legs.exercises[4]!.sets[0]).toMatchObject({ weightKg: 37, reps: 10 });
  });

  it('reads a timed set (line 2178: a 300-second warm-up without weight)', () => {
    const arms = result.workouts.find((workout) => workout.startedAt === '2025-05-03T09:31:00')!;
    const warmUp = arms.exercises.find((exercise) => exercise.name === 'Warm Up')!;

    expect(warmUp.sets[0]).toEqual({
      type: 'normal',
      reps: 0,
      weightKg: null,
      weightUnit: null,
      rpe: null,
      durationSeconds: 300,
      distanceMeters: null,
    });
  });

  it('ends with the oldest workout, cut whole at row 3000', () => {
    const last = result.workouts.at(-1)!;

    expect(last.startedAt).toBe('2025-03-16T09:32:00');
    expect(last.name).toBe('Arms 2 + Weakpoint');
    expect(last.exercises.reduce((sum, exercise) => sum + exercise.sets.length, 0)).toBe(21);
  });
});

const IMPERIAL_HEADER =
  '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles","duration_seconds","rpe"\n';
const CHEST = '"Pecho, hombro","3 ago 2025, 18:05","3 ago 2025, 19:20","Buen día\\nfuerte"';

describe('Hevy: an imperial account with Spanish month names', () => {
  let result: CollectedImport;
  beforeAll(async () => {
    result = await collectImport([
      memoryFile(
        'hevy.csv',
        IMPERIAL_HEADER,
        `${CHEST},"Press de banca",,"",0,"warmup",95,10,,,\n`,
        `${CHEST},"Press de banca",,"",1,"normal",225,5,,,8.5\n`,
        `${CHEST},"Fondos 🔥",1,"",0,"dropset",45,8,,,9.5\n`,
        `${CHEST},"Face Pull",1,"",0,"failure",50,15,,,7.3\n`,
        `${CHEST},"Correr",,"",0,"normal",,,1.5,720,\n`,
      ),
    ]);
  });

  it('converts pounds and miles, keeps the superset and the workout note', () => {
    const workout = result.workouts[0]!;

    expect(workout).toMatchObject({
      date: '2025-08-03',
      startedAt: '2025-08-03T18:05:00',
      endedAt: '2025-08-03T19:20:00',
      name: 'Pecho, hombro',
      notes: 'Buen día\nfuerte',
    });
    expect(
      workout.exercises.map((exercise) => [
        exercise.name,
        exercise.supersetId,
        exercise.sets.map((set) => [set.type, set.weightKg, set.reps, set.rpe]),
      ]),
    ).toEqual([
      [
        'Press de banca',
        null,
        [
          ['warmup', 43.091275, 10, null],
          ['normal', 102.058283, 5, 8.5],
        ],
      ],
      ['Fondos 🔥', '1', [['drop', 20.411657, 8, 9.5]]],
      ['Face Pull', '1', [['failure', 22.679619, 15, 7.5]]],
      ['Correr', null, [['normal', null, null, null]]],
    ]);
    expect(workout.exercises[3]!.sets[0]).toMatchObject({
      distanceMeters: 2414.02,
      durationSeconds: 720,
    });
    expect(workout.exercises[0]!.sets[0]!.weightUnit).toBe('lb');
  });

  it('rounds an RPE off the half steps and says so', () => {
    expect(result.warnings).toEqual([
      { level: 'warning', file: 'hevy.csv', line: 5, message: 'RPE "7.3" rounded to 7.5.' },
    ]);
  });
});

describe('Hevy: other languages and bad rows', () => {
  const METRIC_HEADER =
    'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n';

  it.each([
    ['German', '15. Okt. 2025, 07:48', '2025-10-15T07:48:00'],
    ['French', '15 sept. 2025, 07:48', '2025-09-15T07:48:00'],
    ['Portuguese', '15 de set. de 2025, 07:48', '2025-09-15T07:48:00'],
    ['Polish', '3 kwi 2025, 18:05', '2025-04-03T18:05:00'],
    ['Russian', '3 мар. 2025 г., 18:05', '2025-03-03T18:05:00'],
  ])('reads %s month names', async (_language, startTime, startedAt) => {
    const result = await collectImport([
      memoryFile('hevy.csv', METRIC_HEADER, `A,"${startTime}",,,Squat,,,0,normal,100,5,,,\n`),
    ]);

    expect(result.workouts[0]!.startedAt).toBe(startedAt);
  });

  it('reports bad rows by line and keeps a run of the same exercise started over apart', async () => {
    const result = await collectImport([
      memoryFile(
        'hevy.csv',
        METRIC_HEADER,
        'A,"1 Jan 2025, 10:00","1 Jan 2025, 09:00",,Squat,,,0,normal,100,5,,,\n',
        'A,"1 Jan 2025, 10:00","1 Jan 2025, 09:00",,Squat,,,1,superset,100,5,,,\n',
        'A,"1 Jan 2025, 10:00","1 Jan 2025, 09:00",,Squat,,,1,normal,abc,5,,,\n',
        'A,"1 Jan 2025, 10:00","1 Jan 2025, 09:00",,Squat,,,0,normal,60,12,,,\n',
        'A,"someday",,,Squat,,,0,normal,60,12,,,\n',
      ),
    ]);

    expect(result.errors.map((issue) => [issue.line, issue.message])).toEqual([
      [3, 'Unknown set type "superset".'],
      [4, 'Unreadable weight "abc".'],
      [6, 'Unreadable start time "someday".'],
    ]);
    expect(result.warnings.map((issue) => [issue.line, issue.message])).toEqual([
      [2, 'Unusable end time "1 Jan 2025, 09:00": the workout has no end time.'],
    ]);
    expect(result.workouts[0]!.exercises.map((exercise) => exercise.sets.length)).toEqual([1, 1]);
  });
});
