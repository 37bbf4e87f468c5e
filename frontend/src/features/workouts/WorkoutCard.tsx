'use client';

import { useState } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatLongDate } from '@/lib/dates';
import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { deleteWorkout } from './api';
import type { Workout, WorkoutSet } from './types';

const weightFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

type WorkoutCardProps = { workout: Workout; onDeleted: () => Promise<void> };

/** A past workout: its day, notes and every set, with a confirmed delete. */
export function WorkoutCard({ workout, onDeleted }: WorkoutCardProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const title = formatLongDate(workout.date);
  const setCount = workout.exercises.reduce((total, exercise) => total + exercise.sets.length, 0);

  async function handleDelete() {
    setIsDeleting(true);
    setError(null);
    try {
      await deleteWorkoutIfPresent(workout.id);
      await onDeleted();
    } catch (caught) {
      setError(toApiError(caught));
      setIsDeleting(false);
    }
  }

  return (
    <li className="card workout-card">
      <article aria-label={`Workout on ${title}`}>
        <header className="workout-card-header">
          <div>
            <h3>{title}</h3>
            <p className="muted">
              {plural(workout.exercises.length, 'exercise')} · {plural(setCount, 'set')}
            </p>
          </div>
          {!isConfirming && (
            <button
              type="button"
              className="button button-ghost button-small button-danger-text"
              aria-label={`Delete workout from ${title}`}
              onClick={() => {
                setError(null);
                setIsConfirming(true);
              }}
            >
              Delete
            </button>
          )}
        </header>

        {workout.notes && <p className="workout-notes">{workout.notes}</p>}

        <ul className="exercise-summary">
          {workout.exercises.map((exercise, index) => (
            <li key={`${index}:${exercise.name}`}>
              <span className="exercise-summary-name">{exercise.name}</span>
              <ol className="set-chips" aria-label={`Sets of ${exercise.name}`}>
                {exercise.sets.map((set, setIndex) => (
                  <li key={setIndex} className="set-chip">
                    {describeSet(set)}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>

        {isConfirming && (
          <ConfirmInline
            question={`Delete the workout from ${title}? This cannot be undone.`}
            confirmLabel="Yes, delete"
            isPending={isDeleting}
            onConfirm={() => void handleDelete()}
            onCancel={() => setIsConfirming(false)}
          />
        )}
        <ErrorAlert error={error} title="Could not delete this workout." />
      </article>
    </li>
  );
}

function describeSet(set: WorkoutSet): string {
  return set.weight > 0
    ? `${set.reps} × ${weightFormat.format(set.weight)} kg`
    : `${set.reps} reps`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Deleting a workout that another tab already deleted has the outcome the user asked for.
async function deleteWorkoutIfPresent(workoutId: string): Promise<void> {
  try {
    await deleteWorkout(workoutId);
  } catch (error) {
    if (toApiError(error).code !== 'NOT_FOUND') {
      throw error;
    }
  }
}
