export type HabitKind = 'boolean' | 'measurable';
export type ScheduleType = 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'interval';
export type TargetType = 'atLeast' | 'atMost';

export type Schedule = {
  type: ScheduleType;
  /** For weekdays: 0 (Sunday) to 6 (Saturday). */
  days?: number[];
  times?: number;
  interval?: number;
};

export type Target = { type: TargetType; value: number; unit: string };

export type Habit = {
  id: string;
  name: string;
  description: string | null;
  color: string | null;
  icon: string;
  kind: HabitKind;
  target: Target | null;
  schedule: Schedule;
  schedules: Array<Schedule & { from: string }>;
  startDate: string;
  reminderTime: string | null;
  position: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

export type HabitInput = {
  name: string;
  description?: string;
  color?: string;
  icon?: string;
  kind?: HabitKind;
  target?: Target;
  schedule?: Schedule;
  reminderTime?: string | null;
};

export type HabitChanges = Partial<Omit<HabitInput, 'kind'>> & { archived?: boolean };

export type Streak = {
  count: number;
  unit: 'day' | 'week' | 'month' | 'period';
  start: string | null;
  end: string | null;
};

export type RateBucket = {
  key: string;
  start: string;
  expected: number;
  achieved: number;
  rate: number | null;
};

export type HistoryDay = {
  date: string;
  /** `none`: a day with only a note (kept by imports from apps that note days not done). */
  status: 'done' | 'skipped' | 'none';
  value: number | null;
  note: string;
  credit: number;
};

export type HabitHistory = {
  from: string;
  to: string;
  days: HistoryDay[];
  weeks: RateBucket[];
  months: RateBucket[];
};

export type HabitStats = {
  asOf: string;
  currentStreak: Streak;
  bestStreak: Streak;
  score: number;
  totals: { done: number; skipped: number; value: number };
};

export type HabitSummary = {
  habit: Habit;
  currentStreak: Streak;
  score: number;
  week: RateBucket | null;
  month: RateBucket | null;
};

export type Dashboard = {
  date: string;
  items: HabitSummary[];
  nextCursor: string | null;
  weeks: Array<{ key: string; done: number; skipped: number }>;
};

/** The longest habit name we let the user type; the API has the final word. */
export const HABIT_NAME_MAX_LENGTH = 100;

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
