'use client';

import { useCallback, useEffect, useState } from 'react';

import { useAuth } from '@/features/auth/AuthProvider';
import {
  activeWorkoutReducer,
  isActiveWorkout,
  startWorkout,
  type ActiveWorkout,
  type ActiveWorkoutAction,
} from './activeWorkout';
import type { Routine } from './types';

const CHANGE_EVENT = 'hg:active-workout';

function storageKey(userId: string): string {
  return `hg:active-workout:${userId}`;
}

function read(key: string): ActiveWorkout | null {
  if (typeof window === 'undefined') {
    return null;
  }
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    return isActiveWorkout(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, workout: ActiveWorkout | null): void {
  if (workout) {
    window.localStorage.setItem(key, JSON.stringify(workout));
  } else {
    window.localStorage.removeItem(key);
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * The signed-in user's workout in progress, kept in local storage (per user, so a shared phone
 * never shows the previous person's draft) and shared by every component and tab that shows it.
 */
export function useActiveWorkout() {
  const userId = useAuth().user?.id ?? 'anonymous';
  const key = storageKey(userId);
  const [workout, setWorkout] = useState<ActiveWorkout | null>(() => read(key));

  useEffect(() => {
    const reload = () => setWorkout(read(key));
    reload();
    window.addEventListener(CHANGE_EVENT, reload);
    window.addEventListener('storage', reload);
    return () => {
      window.removeEventListener(CHANGE_EVENT, reload);
      window.removeEventListener('storage', reload);
    };
  }, [key]);

  const dispatch = useCallback(
    (action: ActiveWorkoutAction) => {
      const current = read(key);
      if (current) {
        write(key, activeWorkoutReducer(current, action));
      }
    },
    [key],
  );

  const start = useCallback(
    (routine?: Routine) => {
      const started = startWorkout(new Date(), routine);
      write(key, started);
      return started;
    },
    [key],
  );

  const clear = useCallback(() => write(key, null), [key]);

  return { workout, dispatch, start, clear };
}
