import type { CompletionDocument, HabitDocument } from './model';

export function presentHabit(habit: HabitDocument) {
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    color: habit.color,
    icon: habit.icon,
    kind: habit.kind,
    schedule: {
      type: habit.schedule?.type ?? 'daily',
      ...(habit.schedule?.days ? { days: habit.schedule.days } : {}),
      ...(habit.schedule?.times ? { times: habit.schedule.times } : {}),
      ...(habit.schedule?.interval ? { interval: habit.schedule.interval } : {}),
    },
    position: habit.position,
    archived: habit.archivedAt !== null,
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
    value: completion.value,
    note: completion.note,
    createdAt: completion.createdAt.toISOString(),
    updatedAt: completion.updatedAt.toISOString(),
  };
}
