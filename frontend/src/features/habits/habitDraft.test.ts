import { describe, expect, it } from '@jest/globals';

import { describeSchedule, describeTarget, formatStreak, parseDecimal } from './format';
import { emptyDraft, inputOf } from './habitDraft';

describe('inputOf', () => {
  it('sends a yes/no daily habit from a name alone, trimmed, without a reminder', () => {
    expect(inputOf({ ...emptyDraft(), name: '  Read  ' })).toEqual({
      name: 'Read',
      description: '',
      icon: '',
      color: '#4f46e5',
      kind: 'boolean',
      schedule: { type: 'daily' },
      reminderTime: null,
    });
  });

  it('sends a measurable target with a decimal comma read as a point, and no times for a weekly total', () => {
    const draft = {
      ...emptyDraft(),
      name: 'Run',
      kind: 'measurable' as const,
      targetValue: '21,1',
      unit: 'km',
      scheduleType: 'weekly' as const,
    };

    expect(inputOf(draft)).toMatchObject({
      target: { type: 'atLeast', value: 21.1, unit: 'km' },
      schedule: { type: 'weekly' },
    });
  });

  it('sends the chosen days in order, and what does not parse as typed so the API names it', () => {
    const draft = {
      ...emptyDraft(),
      name: 'Piano',
      scheduleType: 'weekdays' as const,
      days: [5, 1, 3],
    };

    expect(inputOf(draft).schedule).toEqual({ type: 'weekdays', days: [1, 3, 5] });
    expect(
      inputOf({ ...emptyDraft(), name: 'x', scheduleType: 'interval', interval: 'two' }).schedule,
    ).toEqual({
      type: 'interval',
      interval: 'two',
    });
  });
});

describe('format', () => {
  it.each([
    ['93,5', 93.5],
    [' 8 ', 8],
    ['8.', null],
    ['', null],
    ['1,000.5', null],
  ])('reads %j as %p', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it('describes schedules, targets and streaks in words', () => {
    expect(describeSchedule({ type: 'weekdays', days: [1, 3, 5] })).toBe('Mon, Wed, Fri');
    expect(describeSchedule({ type: 'weekly', times: 2 })).toBe('Twice a week');
    expect(describeSchedule({ type: 'weekly' }, { type: 'atMost', value: 5, unit: 'drinks' })).toBe(
      'Each week',
    );
    expect(describeTarget({ type: 'atMost', value: 2, unit: 'cups' })).toBe('at most 2 cups');
    expect(formatStreak({ count: 1, unit: 'week', start: null, end: null })).toBe('1 week');
    expect(formatStreak({ count: 3, unit: 'day', start: null, end: null })).toBe('3 days');
  });
});
