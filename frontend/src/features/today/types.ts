import type { Habit } from '@/features/habits/types';

export type CompletionStatus = 'done' | 'skipped';

export type Completion = {
  habitId: string;
  date: string;
  /** `none`: a day with only a note, kept by an import; shown as nothing recorded. */
  status: CompletionStatus | 'none';
  value: number | null;
  note: string;
  createdAt: string;
};

export type DueState = {
  isDue: boolean;
  isOverdue: boolean;
  dueSince: string | null;
  progress: { done: number; required: number; periodEnd: string } | null;
};

export type TodayHabit = Habit & { completion: Completion | null; due: DueState };

export type TodayResponse = { date: string; today: string; timeZone: string; habits: TodayHabit[] };

/** What a day's entry becomes: done (with a value for a measurable habit), skipped, or nothing. */
export type DayEntry = { status: CompletionStatus; value?: number; note?: string } | null;
