'use client';

import { useCallback, useEffect, useState } from 'react';

import type { WeightUnit } from '@/features/workouts/types';
import { DEFAULT_SETUPS, type PlateSetup } from './plates';
import { DEFAULT_REST_SECONDS } from './restTimer';

// Gym equipment and habits belong to this device's user, not to the account: kept in the browser.
export type GymSettings = { restSeconds: number; plates: Record<WeightUnit, PlateSetup> };

const KEY = 'hg:gym-settings';
const CHANGE_EVENT = 'hg:gym-settings';
const DEFAULTS: GymSettings = { restSeconds: DEFAULT_REST_SECONDS, plates: DEFAULT_SETUPS };

function read(): GymSettings {
  if (typeof window === 'undefined') {
    return DEFAULTS;
  }
  try {
    const stored = JSON.parse(
      window.localStorage.getItem(KEY) ?? 'null',
    ) as Partial<GymSettings> | null;
    return {
      restSeconds:
        typeof stored?.restSeconds === 'number' ? stored.restSeconds : DEFAULTS.restSeconds,
      plates: { ...DEFAULTS.plates, ...(stored?.plates ?? {}) },
    };
  } catch {
    return DEFAULTS;
  }
}

/** The rest time and the plates the user owns, per unit, shared by every page that uses them. */
export function useGymSettings() {
  const [settings, setSettings] = useState<GymSettings>(read);

  useEffect(() => {
    const reload = () => setSettings(read());
    window.addEventListener(CHANGE_EVENT, reload);
    window.addEventListener('storage', reload);
    return () => {
      window.removeEventListener(CHANGE_EVENT, reload);
      window.removeEventListener('storage', reload);
    };
  }, []);

  const update = useCallback((changes: Partial<GymSettings>) => {
    window.localStorage.setItem(KEY, JSON.stringify({ ...read(), ...changes }));
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);

  return { settings, update };
}
