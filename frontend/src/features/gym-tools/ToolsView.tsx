'use client';

import { useState } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { formatDuration } from '@/features/workouts/numbers';
import type { WeightUnit } from '@/features/workouts/types';
import { useUnit } from '@/features/workouts/useUnit';
import { toApiError, type ApiError } from '@/lib/errors';
import { usePaginatedList } from '@/lib/usePaginatedList';
import { setHabitLinked, updateUnit, type LinkableHabit } from './api';
import { PlateCalculator } from './PlateCalculator';
import { RestTimerBar } from './RestTimerBar';
import { useGymSettings } from './useGymSettings';
import { useRestTimer } from './useRestTimer';

const REST_CHOICES = [60, 90, 120, 180, 240] as const;

/** Gym tools and settings: plate calculator, rest timer, units, habits a workout completes. */
export function ToolsView() {
  const unit = useUnit();

  return (
    <section className="page" aria-labelledby="tools-title">
      <header className="page-header">
        <h1 id="tools-title">Tools</h1>
      </header>
      <PlateCalculator unit={unit} />
      <RestTimerCard />
      <UnitCard unit={unit} />
      <LinkedHabitsCard />
    </section>
  );
}

function RestTimerCard() {
  const { settings, update } = useGymSettings();
  const timer = useRestTimer();

  return (
    <section className="card form" aria-labelledby="rest-title">
      <h2 id="rest-title">Rest timer</h2>
      <div className="field">
        <label htmlFor="rest-seconds">Rest after each set while logging</label>
        <select
          id="rest-seconds"
          value={settings.restSeconds}
          onChange={(event) => update({ restSeconds: Number(event.target.value) })}
        >
          {REST_CHOICES.map((seconds) => (
            <option key={seconds} value={seconds}>
              {formatDuration(seconds)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => timer.start(settings.restSeconds)}
      >
        Start a rest now
      </button>
      {timer.isRunning && (
        <RestTimerBar remaining={timer.remaining} onAdjust={timer.adjust} onStop={timer.stop} />
      )}
    </section>
  );
}

function UnitCard({ unit }: { unit: WeightUnit }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function choose(next: WeightUnit) {
    setIsSaving(true);
    setError(null);
    try {
      await updateUnit(next);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <fieldset className="card unit-card" disabled={isSaving}>
      <legend>Weight unit</legend>
      {(['kg', 'lb'] as const).map((option) => (
        <label key={option} className="radio">
          <input
            type="radio"
            name="unit"
            checked={unit === option}
            onChange={() => void choose(option)}
          />
          {option === 'kg' ? 'Kilograms (kg)' : 'Pounds (lb)'}
        </label>
      ))}
      <p className="muted">
        Weights are kept exactly as typed: switching shows them converted (100 kg reads 220.5 lb)
        without changing them.
      </p>
      <ErrorAlert error={error} title="Could not change the unit." />
    </fieldset>
  );
}

function LinkedHabitsCard() {
  const { items: habits, error, mutate } = usePaginatedList<LinkableHabit>('/habits', 100);
  // A workout marks a day done without a value: only yes/no habits can be linked.
  const items = habits.filter((habit) => habit.kind === 'boolean');
  const [changeError, setChangeError] = useState<ApiError | null>(null);

  async function toggle(habit: LinkableHabit) {
    setChangeError(null);
    try {
      await setHabitLinked(habit.id, !habit.linkedToWorkouts);
      await mutate();
    } catch (caught) {
      setChangeError(toApiError(caught));
    }
  }

  return (
    <fieldset className="card">
      <legend>Habits a workout completes</legend>
      <p className="muted">
        Logging a workout marks these done for its day; deleting the workout undoes it.
      </p>
      {items.length === 0 && <p className="muted">No habits yet.</p>}
      {items.map((habit) => (
        <label key={habit.id} className="radio">
          <input
            type="checkbox"
            checked={Boolean(habit.linkedToWorkouts)}
            onChange={() => void toggle(habit)}
          />
          {habit.name}
        </label>
      ))}
      <ErrorAlert error={changeError ?? error} />
    </fieldset>
  );
}
