'use client';

import { useState } from 'react';
import useSWR from 'swr';

import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { completeHabit, todayKey, uncompleteHabit } from './api';
import type { TodayHabit, TodayResponse } from './types';

export type ToggleFailure = { habitName: string; error: ApiError };

/**
 * One day's habits with their check state. A toggle shows at once, is sent, then the day is
 * refetched; until then the habit is marked pending so a double tap cannot send it twice.
 */
export function useDayChecklist(date: string) {
  const { data, error, isLoading, mutate } = useSWR<TodayResponse, ApiError>(todayKey(date));
  const [pendingDone, setPendingDone] = useState<Record<string, boolean>>({});
  const [failure, setFailure] = useState<ToggleFailure | null>(null);

  const habits = (data?.habits ?? []).map((habit) => {
    const pending = pendingDone[pendingKey(date, habit.id)];
    return {
      ...habit,
      isDone: pending ?? habit.completion !== null,
      isPending: pending !== undefined,
    };
  });

  async function toggle(habit: TodayHabit, isDone: boolean) {
    const key = pendingKey(date, habit.id);
    setPendingDone((previous) => ({ ...previous, [key]: isDone }));
    setFailure(null);

    try {
      await (isDone ? completeHabit(habit.id, date) : uncompleteHabit(habit.id, date));
      await mutate();
    } catch (caught) {
      setFailure({ habitName: habit.name, error: toApiError(caught) });
    } finally {
      setPendingDone((previous) => withoutKey(previous, key));
    }
  }

  return { habits, error, isLoading, failure, toggle, reload: () => void mutate() };
}

function withoutKey(record: Record<string, boolean>, key: string): Record<string, boolean> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function pendingKey(date: string, habitId: string): string {
  return `${date}:${habitId}`;
}
