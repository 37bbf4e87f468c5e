'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { FormEvent } from 'react';
import useSWR from 'swr';

import { ConfirmInline } from '@/components/ConfirmInline';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { TextField } from '@/components/TextField';
import { createRoutineFromWorkout } from '@/features/routines/api';
import { formatLongDate } from '@/lib/dates';
import { toApiError, type ApiError } from '@/lib/errors';
import { deleteWorkout, workoutPath } from './api';
import { describeDuration, describeRecordValue, RECORD_LABELS } from './describe';
import { formatWeight } from './numbers';
import { SetChips } from './SetChips';
import type { Workout } from './types';

/** A finished workout: the records it set, its sets, and what can be done with it. */
export function WorkoutSummary({ workoutId }: { workoutId: string }) {
  const isJustSaved = useSearchParams().get('saved') === '1';
  const {
    data: workout,
    error,
    isLoading,
    mutate,
  } = useSWR<Workout, ApiError>(workoutPath(workoutId));

  if (isLoading) {
    return <Loading label="Loading the workout…" />;
  }
  if (!workout) {
    return <ErrorAlert error={error} onRetry={() => void mutate()} />;
  }

  const duration = describeDuration(workout.startedAt, workout.endedAt);
  const records = workout.records ?? [];

  return (
    <section className="page" aria-labelledby="summary-title">
      {isJustSaved && (
        <p role="status" className="alert alert-success">
          Workout saved.
        </p>
      )}
      <header className="page-header">
        <h1 id="summary-title">{formatLongDate(workout.date)}</h1>
        <p className="page-subtitle">
          {[duration, `${formatWeight(workout.volume, workout.unit)} lifted`]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>

      {records.length > 0 && (
        <section className="card records" aria-labelledby="records-title">
          <h2 id="records-title">New records</h2>
          <ul aria-label="New records" className="record-list">
            {records.map((record) => (
              <li key={`${record.exerciseId}:${record.type}`}>
                <span className="record-exercise">{record.exerciseName}</span>
                <span>
                  {RECORD_LABELS[record.type]}:{' '}
                  <strong>{describeRecordValue(record.type, record.value, workout.unit)}</strong>
                  {record.previous !== null && (
                    <span className="muted">
                      {' '}
                      (was {describeRecordValue(record.type, record.previous, workout.unit)})
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card">
        <h2>Exercises</h2>
        {workout.notes && <p className="workout-notes">{workout.notes}</p>}
        <SetChips exercises={workout.exercises} unit={workout.unit} />
      </section>

      <SaveAsRoutine workoutId={workout.id} />
      <DeleteWorkout workoutId={workout.id} />
    </section>
  );
}

function SaveAsRoutine({ workoutId }: { workoutId: string }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [savedName, setSavedName] = useState('');
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) {
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      const routine = await createRoutineFromWorkout(workoutId, name.trim());
      setSavedName(routine.name);
      setName('');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="card form" onSubmit={handleSubmit} noValidate aria-label="Save as routine">
      <TextField
        label="Routine name"
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
      />
      <ErrorAlert error={error} title="Could not save the routine." />
      {savedName && (
        <p role="status" className="alert alert-success">
          Saved as the routine “{savedName}”.
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={isSaving}>
        Save as routine
      </button>
    </form>
  );
}

function DeleteWorkout({ workoutId }: { workoutId: string }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function handleDelete() {
    setIsDeleting(true);
    try {
      await deleteWorkout(workoutId);
      router.push('/workouts');
    } catch (caught) {
      setError(toApiError(caught));
      setIsDeleting(false);
    }
  }

  return (
    <div>
      {isConfirming ? (
        <ConfirmInline
          question="Delete this workout? Its records go with it. This cannot be undone."
          confirmLabel="Yes, delete"
          isPending={isDeleting}
          onConfirm={() => void handleDelete()}
          onCancel={() => setIsConfirming(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-ghost button-danger-text"
          onClick={() => setIsConfirming(true)}
        >
          Delete workout
        </button>
      )}
      <ErrorAlert error={error} title="Could not delete this workout." />
    </div>
  );
}
