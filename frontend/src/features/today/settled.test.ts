import { describe, expect, it } from '@jest/globals';

import type { Habit } from '@/features/habits/types';
import { isDaySettled } from './settled';

type Rules = Pick<Habit, 'kind' | 'target' | 'schedule' | 'schedules'>;

const daily = { type: 'daily' } as const;
const water: Rules = {
  kind: 'measurable',
  target: { type: 'atLeast', value: 2.5, unit: 'l' },
  schedule: daily,
  schedules: [{ ...daily, from: '2026-11-01' }],
};

describe('isDaySettled', () => {
  it('counts a yes/no habit done or skipped, and nothing as not settled', () => {
    const read: Rules = { kind: 'boolean', target: null, schedule: daily, schedules: [] };

    expect(isDaySettled(read, { status: 'done' }, '2026-12-04')).toBe(true);
    expect(isDaySettled(read, { status: 'skipped' }, '2026-12-04')).toBe(true);
    expect(isDaySettled(read, null, '2026-12-04')).toBe(false);
  });

  it('counts a daily "at least" day only once the value reaches the target', () => {
    expect(isDaySettled(water, { status: 'done', value: 1.75 }, '2026-12-04')).toBe(false);
    expect(isDaySettled(water, { status: 'done', value: 2.5 }, '2026-12-04')).toBe(true);
    expect(isDaySettled(water, { status: 'skipped' }, '2026-12-04')).toBe(true);
  });

  it('counts a daily "at most" day while the value stays within the limit', () => {
    const coffee: Rules = { ...water, target: { type: 'atMost', value: 2, unit: 'cups' } };

    expect(isDaySettled(coffee, { status: 'done', value: 2 }, '2026-12-04')).toBe(true);
    expect(isDaySettled(coffee, { status: 'done', value: 3 }, '2026-12-04')).toBe(false);
  });

  it('counts any value logged toward a weekly total, judged by the schedule of that day', () => {
    const weekly = { type: 'weekly' } as const;
    const running: Rules = {
      kind: 'measurable',
      target: { type: 'atLeast', value: 20, unit: 'km' },
      schedule: weekly,
      schedules: [
        { ...daily, from: '2026-11-01' },
        { ...weekly, from: '2026-12-01' },
      ],
    };

    expect(isDaySettled(running, { status: 'done', value: 5 }, '2026-12-04')).toBe(true);
    expect(isDaySettled(running, { status: 'done', value: 5 }, '2026-11-20')).toBe(false);
  });
});
