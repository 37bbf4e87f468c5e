// Everything computed from a habit's days: the day plan (Today), history, streaks, score and the
// dashboard. Each query reads one user's (or one habit's) completions over a date range through
// the (userId, date) or (habitId, date) index, so its cost follows the range, not the whole
// history; only `getHabitStats` reads a habit's whole history, for its best streak.
//
// FerretDB (tests, local) pushes only `_id` equality down to SQLite and scans the collection
// for other filters, indexes or not; MongoDB (production) uses the indexes. The queries are the
// same on both.
import { Types } from 'mongoose';

import { validationFailed } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../lib/pagination';
import { localDateIn, localTimeIn } from '../lib/time';
import { getUser } from '../users/service';
import { CompletionModel, type CompletionDocument, type HabitDocument } from './model';
import {
  daysBetween,
  maxDate,
  missingLocalDates,
  monthStartOf,
  shiftDate,
  weekKeyOf,
  weekStartOf,
  type WeekStart,
} from './rules/calendar';
import { dueOn, type DueState } from './rules/due';
import { evaluatePeriods } from './rules/periods';
import { rateBuckets, type RateBucket } from './rules/rates';
import { creditOf, ruleOn } from './rules/schedule';
import { computeScore, scoreLookbackDays } from './rules/score';
import { computeStreaks, type Streak } from './rules/streaks';
import type { Entry, HabitRules, Target } from './rules/types';
import { findActiveHabits, findHabits, getHabit, schedulesOf } from './service';
import { MAX_HISTORY_DAYS } from './validation';

/** The user's calendar: zone, week start, and the local date it is now. */
interface UserCalendar {
  timeZone: string;
  weekStart: WeekStart;
  today: string;
}

async function calendarOf(userId: string): Promise<UserCalendar> {
  const user = await getUser(userId);

  return {
    timeZone: user.timezone,
    weekStart: user.weekStart,
    today: localDateIn(user.timezone),
  };
}

function ruleTargetOf(habit: HabitDocument): Target | null {
  return habit.target ? { type: habit.target.type, value: habit.target.value } : null;
}

function rulesOf(habit: HabitDocument, calendar: UserCalendar, range: DateRange): HabitRules {
  return {
    startDate: habit.startDate,
    schedules: schedulesOf(habit),
    target: ruleTargetOf(habit),
    weekStart: calendar.weekStart,
    missingDates: missingLocalDates(calendar.timeZone, range.from, range.to),
  };
}

interface DateRange {
  from: string;
  to: string;
}

type StoredEntry = Entry & { habitId: string };

/** Completions as the rules read them, from `from` on (and up to `to` when given). */
async function loadEntries(
  filter: { userId: string; habitId?: Types.ObjectId | { $in: Types.ObjectId[] } },
  from: string,
  to?: string,
): Promise<StoredEntry[]> {
  const date = to === undefined ? { $gte: from } : { $gte: from, $lte: to };
  const rows = await CompletionModel.find(
    { ...filter, date },
    { habitId: 1, date: 1, status: 1, value: 1 },
  ).lean();

  return rows.map((row) => ({
    habitId: String(row.habitId),
    date: row.date,
    status: row.status,
    value: row.value ?? null,
  }));
}

function entriesByHabit(entries: StoredEntry[]): Map<string, Map<string, Entry>> {
  const byHabit = new Map<string, Map<string, Entry>>();
  for (const entry of entries) {
    const map = byHabit.get(entry.habitId) ?? new Map<string, Entry>();
    map.set(entry.date, entry);
    byHabit.set(entry.habitId, map);
  }

  return byHabit;
}

// Entries dated after the user's today exist after a flight west (a day done in Tokyo that has
// not begun in Los Angeles): evaluation runs up to them so they are never dropped.
function evaluationEnd(today: string, entries: Iterable<Entry>): string {
  let end = today;
  for (const entry of entries) {
    end = maxDate(end, entry.date);
  }

  return end;
}

export interface PlannedHabit {
  habit: HabitDocument;
  completion: CompletionDocument | null;
  due: DueState;
}

export interface DayPlan {
  date: string;
  today: string;
  timeZone: string;
  habits: PlannedHabit[];
}

/**
 * The user's active habits for one local day (default: the user's today): those due first,
 * ordered by reminder time (none last) and then the user's order, then the rest. Reads the
 * completions of the last weeks, enough to judge weekly, monthly and every-N-days schedules.
 */
export async function planDay(userId: string, date?: string): Promise<DayPlan> {
  const [calendar, habits] = await Promise.all([calendarOf(userId), findActiveHabits(userId)]);
  const day = date ?? calendar.today;
  const longestInterval = Math.max(
    0,
    ...habits.map((habit) => schedulesOf(habit).at(-1)?.interval ?? 0),
  );
  const knownFrom = shiftDate(day, -Math.max(31, 2 * longestInterval));

  const completions = await CompletionModel.find({
    userId,
    date: { $gte: knownFrom, $lte: day },
  });
  const byHabit = entriesByHabit(
    completions.map((completion) => ({
      habitId: String(completion.habitId),
      date: completion.date,
      status: completion.status,
      value: completion.value ?? null,
    })),
  );
  const now = day === calendar.today ? localTimeIn(calendar.timeZone) : null;
  const ofTheDay = new Map(
    completions
      .filter((completion) => completion.date === day)
      .map((completion) => [String(completion.habitId), completion]),
  );

  const planned = habits.map((habit) => {
    const rules = rulesOf(habit, calendar, { from: knownFrom, to: day });
    const due = dueOn(rules, byHabit.get(habit.id) ?? new Map(), day, {
      now,
      reminderTime: habit.reminderTime ?? null,
      knownFrom,
    });
    const completion = ofTheDay.get(habit.id) ?? null;

    return { habit, completion, due };
  });

  return {
    date: day,
    today: calendar.today,
    timeZone: calendar.timeZone,
    habits: sortPlan(planned),
  };
}

function sortPlan(planned: PlannedHabit[]): PlannedHabit[] {
  const reminderOf = (item: PlannedHabit) => item.habit.reminderTime ?? '99:99';

  return planned
    .map((item, order) => ({ item, order }))
    .sort((a, b) => {
      if (a.item.due.isDue !== b.item.due.isDue) {
        return a.item.due.isDue ? -1 : 1;
      }
      if (a.item.due.isDue && reminderOf(a.item) !== reminderOf(b.item)) {
        return reminderOf(a.item) < reminderOf(b.item) ? -1 : 1;
      }

      return a.order - b.order;
    })
    .map(({ item }) => item);
}

export interface HistoryDay {
  date: string;
  status: Entry['status'];
  value: number | null;
  note: string;
  /** How much the day counts towards a day-based target, 0 to 1 (1 for a yes/no day done). */
  credit: number;
}

export interface HabitHistory {
  from: string;
  to: string;
  days: HistoryDay[];
  weeks: RateBucket[];
  months: RateBucket[];
}

/**
 * The recorded days of a habit from `from` to `to` (default: the 53 weeks up to the user's
 * today, from a week start, for a year's heat map), with completion rates by week and by month.
 * Throws VALIDATION_FAILED naming `from` for a reversed or longer than two-year range.
 */
export async function getHabitHistory(
  userId: string,
  habitId: string,
  range: Partial<DateRange>,
): Promise<HabitHistory> {
  const [habit, calendar] = await Promise.all([getHabit(userId, habitId), calendarOf(userId)]);
  const to = range.to ?? calendar.today;
  const from = range.from ?? weekStartOf(shiftDate(to, -364), calendar.weekStart);
  if (from > to || daysBetween(from, to) >= MAX_HISTORY_DAYS) {
    throw validationFailed([
      {
        field: 'from',
        message: `Must be on or before "to", at most ${MAX_HISTORY_DAYS} days before`,
      },
    ]);
  }

  const rows = await CompletionModel.find(
    { userId, habitId: habit._id, date: { $gte: from, $lte: to } },
    { date: 1, status: 1, value: 1, note: 1 },
  )
    .sort({ date: 1 })
    .lean();
  const entries = new Map<string, Entry>(
    rows.map((row) => [row.date, { date: row.date, status: row.status, value: row.value ?? null }]),
  );
  const rules = rulesOf(habit, calendar, { from, to });

  return {
    from,
    to,
    days: rows.map((row) => ({
      date: row.date,
      status: row.status,
      value: row.value ?? null,
      note: row.note ?? '',
      credit: creditOf(entries.get(row.date), rules.target),
    })),
    weeks: rateBuckets(rules, entries, { from, to, by: 'week' }),
    months: rateBuckets(rules, entries, { from, to, by: 'month' }),
  };
}

export interface HabitStats {
  asOf: string;
  currentStreak: Streak;
  bestStreak: Streak;
  /** Strength, 0 to 1 (see rules/score.ts). */
  score: number;
  totals: { done: number; skipped: number; value: number };
}

/**
 * Streaks, score and totals of one habit as of the user's today. Reads the habit's whole
 * history (dates, statuses and values only) because the best streak may lie anywhere in it.
 */
export async function getHabitStats(userId: string, habitId: string): Promise<HabitStats> {
  const [habit, calendar] = await Promise.all([getHabit(userId, habitId), calendarOf(userId)]);
  // TODO: keep the best streak on the habit, updated on write, if histories grow past a few
  // thousand days; one indexed read of a decade of daily entries is still a few milliseconds.
  const rows = await loadEntries({ userId, habitId: habit._id }, habit.startDate);
  const entries = new Map(rows.map((row) => [row.date, row]));
  const asOf = evaluationEnd(calendar.today, rows);
  const rules = rulesOf(habit, calendar, { from: habit.startDate, to: asOf });

  const streaks = computeStreaks(
    evaluatePeriods(rules, entries, { from: habit.startDate, to: asOf }),
  );
  const scoreFrom = shiftDate(asOf, -scoreLookbackDays(ruleOn(rules, asOf), rules.target));

  return {
    asOf,
    currentStreak: streaks.current,
    bestStreak: streaks.best,
    score: computeScore(rules, entries, { from: scoreFrom, to: asOf, openDay: calendar.today }),
    totals: {
      done: rows.filter((row) => row.status === 'done').length,
      skipped: rows.filter((row) => row.status === 'skipped').length,
      value: rows.reduce((sum, row) => sum + (row.value ?? 0), 0),
    },
  };
}

export interface HabitSummary {
  habit: HabitDocument;
  currentStreak: Streak;
  score: number;
  week: RateBucket | null;
  month: RateBucket | null;
}

export interface WeekActivity {
  key: string;
  done: number;
  skipped: number;
}

export interface Dashboard {
  date: string;
  items: HabitSummary[];
  nextCursor: string | null;
  /** Days done and skipped across all habits in each of the last 12 weeks, oldest first. */
  weeks: WeekActivity[];
}

const DASHBOARD_WEEKS = 12;

/**
 * A page of the user's active habits, each with its current streak, score and this week's and
 * month's completion rate as of `date` (default: the user's today), and activity by week across
 * all habits. Each habit reads only the window its score needs; a current streak longer than
 * that window is followed back, doubling the window, as far as it goes.
 */
export async function summarizeHabits(
  userId: string,
  { limit = DEFAULT_PAGE_SIZE, cursor, date }: PageQuery & { date?: string },
): Promise<Dashboard> {
  const [calendar, page] = await Promise.all([
    calendarOf(userId),
    findHabits(userId, { limit, cursor }),
  ]);
  const asOf = date ?? calendar.today;
  const windows = new Map(
    page.items.map((habit) => [habit.id, windowStartOf(habit, asOf, calendar)]),
  );
  const earliest = [...windows.values()].reduce((a, b) => (a < b ? a : b), asOf);
  const entries = entriesByHabit(
    await loadEntries({ userId, habitId: { $in: page.items.map((habit) => habit._id) } }, earliest),
  );

  const habits = await Promise.all(
    page.items.map((habit) =>
      summarizeHabit(habit, calendar, asOf, {
        from: windows.get(habit.id) ?? asOf,
        entries: entries.get(habit.id) ?? new Map<string, Entry>(),
      }),
    ),
  );

  return {
    date: asOf,
    items: habits,
    nextCursor: page.nextCursor,
    weeks: await weeklyActivity(userId, calendar, asOf),
  };
}

// From a week start on or before a month start, so the window's first weeks and months are whole.
function windowStartOf(habit: HabitDocument, asOf: string, calendar: UserCalendar): string {
  const current = schedulesOf(habit).at(-1) ?? { from: asOf, type: 'daily' as const };
  const lookback = Math.max(62, scoreLookbackDays(current, ruleTargetOf(habit)));
  const from = weekStartOf(monthStartOf(shiftDate(asOf, -lookback)), calendar.weekStart);

  return maxDate(from, habit.startDate);
}

async function summarizeHabit(
  habit: HabitDocument,
  calendar: UserCalendar,
  asOf: string,
  loaded: { from: string; entries: Map<string, Entry> },
): Promise<HabitSummary> {
  let { from, entries } = loaded;
  const to = evaluationEnd(asOf, entries.values());
  let rules = rulesOf(habit, calendar, { from, to });
  let streaks = computeStreaks(evaluatePeriods(rules, entries, { from, to }), {
    isWindowed: from > habit.startDate,
  });
  while (!streaks.isCurrentComplete && from > habit.startDate) {
    const span = daysBetween(from, to);
    const earlier = maxDate(
      weekStartOf(monthStartOf(shiftDate(from, -span)), calendar.weekStart),
      habit.startDate,
    );
    const more = await loadEntries(
      { userId: String(habit.userId), habitId: habit._id },
      earlier,
      shiftDate(from, -1),
    );
    entries = new Map([...more.map((entry): [string, Entry] => [entry.date, entry]), ...entries]);
    from = earlier;
    rules = rulesOf(habit, calendar, { from, to });
    streaks = computeStreaks(evaluatePeriods(rules, entries, { from, to }), {
      isWindowed: from > habit.startDate,
    });
  }

  const weekStart = weekStartOf(asOf, calendar.weekStart);
  const [week] = rateBuckets(rules, entries, { from: weekStart, to: asOf, by: 'week' });
  const [month] = rateBuckets(rules, entries, { from: monthStartOf(asOf), to: asOf, by: 'month' });

  return {
    habit,
    currentStreak: streaks.current,
    score: computeScore(rules, entries, { from, to: asOf, openDay: calendar.today }),
    week: week ?? null,
    month: month ?? null,
  };
}

/**
 * Days done and skipped per week across all of the user's habits, grouped in the database by the
 * week key stored with each completion; `$group` with `$sum` is within what FerretDB runs.
 */
async function weeklyActivity(
  userId: string,
  calendar: UserCalendar,
  asOf: string,
): Promise<WeekActivity[]> {
  const from = weekStartOf(shiftDate(asOf, -7 * (DASHBOARD_WEEKS - 1)), calendar.weekStart);
  const weekField = calendar.weekStart === 'monday' ? '$isoWeek' : '$sundayWeek';
  const groups = await CompletionModel.aggregate<{
    _id: { week: string; status: string };
    count: number;
  }>([
    { $match: { userId: new Types.ObjectId(userId), date: { $gte: from, $lte: asOf } } },
    { $group: { _id: { week: weekField, status: '$status' }, count: { $sum: 1 } } },
  ]);

  const weeks: WeekActivity[] = [];
  for (let start = from; start <= asOf; start = shiftDate(start, 7)) {
    const key = weekKeyOf(start, calendar.weekStart);
    const count = (status: string) =>
      groups.find((group) => group._id.week === key && group._id.status === status)?.count ?? 0;
    weeks.push({ key, done: count('done'), skipped: count('skipped') });
  }

  return weeks;
}
