'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import type { Routine } from '@/features/workouts/types';
import { useActiveWorkout } from '@/features/workouts/useActiveWorkout';
import { useFreshOnMount } from '@/lib/useFreshOnMount';
import { toApiError, type ApiError } from '@/lib/errors';
import { deleteRoutine } from './api';
import { useRoutines } from './useRoutines';

/** The user's routines: start a workout from one, change it, or delete it. */
export function RoutinesView() {
  const { items, error, isLoading, mutate } = useRoutines();
  useFreshOnMount(mutate);

  return (
    <section className="page" aria-labelledby="routines-title">
      <header className="page-header">
        <h1 id="routines-title">Routines</h1>
        <p className="page-subtitle">Plans of exercises and target sets to start a workout from.</p>
      </header>
      <Link href="/workouts/routines/new" className="button button-primary button-block">
        New routine
      </Link>

      {isLoading && <Loading label="Loading routines…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {!isLoading && !error && items.length === 0 && (
        <EmptyState title="No routines yet">
          <p>Build one here, or save a finished workout as a routine from its summary.</p>
        </EmptyState>
      )}
      <ul className="card-list" aria-label="Routines">
        {items.map((routine) => (
          <RoutineCard
            key={routine.id}
            routine={routine}
            onChanged={async () => {
              await mutate();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function RoutineCard({ routine, onChanged }: { routine: Routine; onChanged: () => Promise<void> }) {
  const router = useRouter();
  const { workout, start } = useActiveWorkout();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  function handleStart() {
    if (!workout) {
      start(routine);
    }
    router.push('/workouts/log');
  }

  async function handleDelete() {
    setIsDeleting(true);
    try {
      await deleteRoutine(routine.id);
      await onChanged();
    } catch (caught) {
      setError(toApiError(caught));
      setIsDeleting(false);
    }
  }

  return (
    <li className="card">
      <article aria-label={routine.name} className="routine-card">
        <h2>{routine.name}</h2>
        <p className="muted">
          {routine.exercises
            .map((exercise) => `${exercise.name} × ${exercise.sets.length}`)
            .join(' · ')}
        </p>
        {routine.notes && <p className="workout-notes">{routine.notes}</p>}
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={handleStart}
            aria-label={`Start ${routine.name}`}
          >
            {workout ? 'Resume workout' : 'Start'}
          </button>
          <Link
            href={`/workouts/routines/${routine.id}`}
            className="button button-secondary"
            aria-label={`Edit ${routine.name}`}
          >
            Edit
          </Link>
          {!isConfirming && (
            <button
              type="button"
              className="button button-ghost button-danger-text"
              aria-label={`Delete ${routine.name}`}
              onClick={() => setIsConfirming(true)}
            >
              Delete
            </button>
          )}
        </div>
        {isConfirming && (
          <ConfirmInline
            question={`Delete the routine ${routine.name}? Workouts started from it stay.`}
            confirmLabel="Yes, delete"
            isPending={isDeleting}
            onConfirm={() => void handleDelete()}
            onCancel={() => setIsConfirming(false)}
          />
        )}
        <ErrorAlert error={error} title="Could not delete the routine." />
      </article>
    </li>
  );
}
