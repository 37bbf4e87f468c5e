import type { Habit } from '@/features/habits/types';

export type Completion = {
  habitId: string;
  date: string;
  status: 'done';
  note: string | null;
  createdAt: string;
};

export type TodayHabit = Habit & { completion: Completion | null };

export type TodayResponse = { date: string; habits: TodayHabit[] };
