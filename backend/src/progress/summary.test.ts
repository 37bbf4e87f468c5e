import fc from 'fast-check';

import { summarizeWeeks, weekStartOf, weekStarts, type WorkoutForProgress } from './summary';

function squatWorkout(date: string, weightKg: number, reps: number): WorkoutForProgress {
  return {
    date,
    exercises: [
      {
        exerciseId: 'squat',
        kind: 'weight_reps',
        sets: [{ type: 'normal', reps, weightKg, durationSeconds: null, distanceMeters: null }],
      },
    ],
  };
}

describe('weekStartOf', () => {
  it.each([
    ['2026-03-14', 'monday', '2026-03-09'],
    ['2026-03-14', 'sunday', '2026-03-08'],
    ['2026-03-15', 'monday', '2026-03-09'],
    ['2026-03-15', 'sunday', '2026-03-15'],
    ['2026-03-16', 'monday', '2026-03-16'],
    ['2027-01-01', 'monday', '2026-12-28'],
    ['2024-03-01', 'sunday', '2024-02-25'],
  ] as const)('%s in a week starting on %s → %s', (date, weekStart, expected) => {
    expect(weekStartOf(date, weekStart)).toBe(expected);
  });

  it('is a day of the right weekday at most six days earlier', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((offset) => {
      return new Date(Date.UTC(2000, 0, 1 + offset)).toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(day, fc.constantFrom('monday' as const, 'sunday' as const), (date, weekStart) => {
        const start = weekStartOf(date, weekStart);
        const gapDays = (Date.parse(date) - Date.parse(start)) / 86_400_000;
        expect(gapDays).toBeGreaterThanOrEqual(0);
        expect(gapDays).toBeLessThanOrEqual(6);
        expect(new Date(start).getUTCDay()).toBe(weekStart === 'monday' ? 1 : 0);
      }),
    );
  });
});

describe('summarizeWeeks', () => {
  it('counts workouts and volume per week and per primary muscle', () => {
    const starts = weekStarts('2026-03-14', 3, 'monday');
    const muscles = new Map([['squat', ['quadriceps', 'glutes'] as const]]);

    const weeks = summarizeWeeks(
      starts,
      'monday',
      [
        squatWorkout('2026-02-20', 100, 5),
        squatWorkout('2026-03-02', 100, 5),
        squatWorkout('2026-03-09', 100, 5),
        squatWorkout('2026-03-14', 110, 3),
      ],
      muscles,
    );

    expect(weeks).toEqual([
      { start: '2026-02-23', workouts: 0, volumeKg: 0, volumeKgByMuscle: {} },
      {
        start: '2026-03-02',
        workouts: 1,
        volumeKg: 500,
        volumeKgByMuscle: { quadriceps: 500, glutes: 500 },
      },
      {
        start: '2026-03-09',
        workouts: 2,
        volumeKg: 830,
        volumeKgByMuscle: { quadriceps: 830, glutes: 830 },
      },
    ]);
  });
});
