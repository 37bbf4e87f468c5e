import type { CompletionDocument, HabitDocument } from './model';
import type { HabitStats, HabitSummary } from './progress';
import { currentSchedule, schedulesOf, targetOf } from './service';

export function presentHabit(habit: HabitDocument) {
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    color: habit.color,
    icon: habit.icon,
    kind: habit.kind,
    target: targetOf(habit),
    /** The schedule in force now. */
    schedule: currentSchedule(habit),
    /** Every schedule with the date it took effect, oldest first. */
    schedules: schedulesOf(habit),
    startDate: habit.startDate,
    reminderTime: habit.reminderTime ?? null,
    position: habit.position,
    archived: habit.archivedAt !== null,
    archivedAt: habit.archivedAt ? habit.archivedAt.toISOString() : null,
    linkedToWorkouts: habit.linkedToWorkouts,
    createdAt: habit.createdAt.toISOString(),
    updatedAt: habit.updatedAt.toISOString(),
  };
}

export function presentCompletion(completion: CompletionDocument) {
  return {
    habitId: String(completion.habitId),
    date: completion.date,
    status: completion.status,
    value: completion.value ?? null,
    note: completion.note,
    createdAt: completion.createdAt.toISOString(),
    updatedAt: completion.updatedAt.toISOString(),
  };
}

/** Scores are shown as whole-percent figures; the API keeps four decimals. */
function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

export function presentStats(stats: HabitStats) {
  return { ...stats, score: roundScore(stats.score) };
}

export function presentSummary(summary: HabitSummary) {
  return {
    habit: presentHabit(summary.habit),
    currentStreak: summary.currentStreak,
    score: roundScore(summary.score),
    week: summary.week,
    month: summary.month,
  };
}
