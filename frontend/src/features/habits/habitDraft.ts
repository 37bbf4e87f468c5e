import { parseDecimal } from './format';
import type { Habit, HabitInput, HabitKind, ScheduleType, TargetType } from './types';

/** The habit form's fields as typed: numbers stay text until the form is sent. */
export type HabitDraft = {
  name: string;
  description: string;
  icon: string;
  color: string;
  kind: HabitKind;
  targetType: TargetType;
  targetValue: string;
  unit: string;
  scheduleType: ScheduleType;
  days: number[];
  times: string;
  interval: string;
  reminderTime: string;
};

export const DEFAULT_COLOR = '#4f46e5';

export function emptyDraft(): HabitDraft {
  return {
    name: '',
    description: '',
    icon: '',
    color: DEFAULT_COLOR,
    kind: 'boolean',
    targetType: 'atLeast',
    targetValue: '',
    unit: '',
    scheduleType: 'daily',
    days: [1, 2, 3, 4, 5],
    times: '3',
    interval: '2',
    reminderTime: '',
  };
}

export function draftOf(habit: Habit): HabitDraft {
  return {
    ...emptyDraft(),
    name: habit.name,
    description: habit.description ?? '',
    icon: habit.icon,
    color: habit.color ?? DEFAULT_COLOR,
    kind: habit.kind,
    targetType: habit.target?.type ?? 'atLeast',
    targetValue: habit.target ? String(habit.target.value) : '',
    unit: habit.target?.unit ?? '',
    scheduleType: habit.schedule.type,
    days: habit.schedule.days ?? [1, 2, 3, 4, 5],
    times: String(habit.schedule.times ?? 3),
    interval: String(habit.schedule.interval ?? 2),
    reminderTime: habit.reminderTime ?? '',
  };
}

/**
 * The request body for a draft. Numbers that do not parse are sent as typed, so that the API
 * names the field; the API is the one judge of what is valid.
 */
export function inputOf(draft: HabitDraft): HabitInput {
  const number = (text: string) => parseDecimal(text) ?? (text as unknown as number);
  const isPeriod = draft.scheduleType === 'weekly' || draft.scheduleType === 'monthly';
  const schedule = {
    type: draft.scheduleType,
    ...(draft.scheduleType === 'weekdays' ? { days: [...draft.days].sort() } : {}),
    ...(isPeriod && draft.kind === 'boolean' ? { times: number(draft.times) } : {}),
    ...(draft.scheduleType === 'interval' ? { interval: number(draft.interval) } : {}),
  };

  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    icon: draft.icon.trim(),
    color: draft.color,
    kind: draft.kind,
    schedule,
    reminderTime: draft.reminderTime || null,
    ...(draft.kind === 'measurable'
      ? {
          target: {
            type: draft.targetType,
            value: number(draft.targetValue),
            unit: draft.unit.trim(),
          },
        }
      : {}),
  };
}

/** Labels for the API's field names, in the form's words. */
export const HABIT_FIELD_LABELS: Record<string, string> = {
  name: 'Habit name',
  description: 'Description',
  icon: 'Icon',
  color: 'Colour',
  kind: 'Kind',
  target: 'Target',
  'target.type': 'Target',
  'target.value': 'Target value',
  'target.unit': 'Unit',
  schedule: 'Schedule',
  'schedule.type': 'Schedule',
  'schedule.days': 'Days',
  'schedule.times': 'Times',
  'schedule.interval': 'Every how many days',
  reminderTime: 'Reminder',
};
