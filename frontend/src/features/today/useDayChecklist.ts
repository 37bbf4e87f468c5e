'use client';

import { useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';

import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { isProgressKey, recordDay, todayKey, uncompleteHabit } from './api';
import type { DayEntry, TodayHabit, TodayResponse } from './types';

export type ToggleFailure = { habitName: string; error: ApiError };

export type DayHabit = TodayHabit & {
  /** The day's entry as shown: the pending change while it is being sent, else the saved one. */
  entry: DayEntry;
  isPending: boolean;
};

/**
 * One day's habits (the user's today when `date` is undefined) with their entries. A change shows
 * at once, is sent, then the day and every statistic are refetched; until then the habit is
 * marked pending so a double tap cannot send it twice.
 */
export function useDayChecklist(date: string | undefined) {
  const { data, error, isLoading, mutate } = useSWR<TodayResponse, ApiError>(todayKey(date));
  const { mutate: mutateGlobal } = useSWRConfig();
  const [pending, setPending] = useState<Record<string, DayEntry>>({});
  const [failure, setFailure] = useState<ToggleFailure | null>(null);
  const day = data?.date;

  const habits: DayHabit[] = (data?.habits ?? []).map((habit) => {
    const key = pendingKey(day ?? '', habit.id);
    const isPending = key in pending;
    return { ...habit, entry: isPending ? (pending[key] ?? null) : savedEntry(habit), isPending };
  });

  async function record(habit: TodayHabit, entry: DayEntry) {
    if (!day) {
      return;
    }
    const key = pendingKey(day, habit.id);
    setPending((previous) => ({ ...previous, [key]: entry }));
    setFailure(null);

    try {
      await (entry ? recordDay(habit.id, day, entry) : uncompleteHabit(habit.id, day));
      await Promise.all([mutate(), mutateGlobal(isProgressKey)]);
    } catch (caught) {
      setFailure({ habitName: habit.name, error: toApiError(caught) });
    } finally {
      setPending((previous) => withoutKey(previous, key));
    }
  }

  return {
    day,
    today: data?.today,
    timeZone: data?.timeZone,
    habits,
    error,
    isLoading,
    failure,
    record,
    reload: () => void mutate(),
  };
}

function savedEntry(habit: TodayHabit): DayEntry {
  const { completion } = habit;
  if (!completion || completion.status === 'none') {
    return null;
  }
  return {
    status: completion.status,
    ...(completion.value !== null ? { value: completion.value } : {}),
    note: completion.note,
  };
}

function withoutKey(record: Record<string, DayEntry>, key: string): Record<string, DayEntry> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function pendingKey(date: string, habitId: string): string {
  return `${date}:${habitId}`;
}
