'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';
import useSWR from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { TextField } from '@/components/TextField';
import { humanize } from '@/features/workouts/describe';
import type { Exercise, ExerciseKind } from '@/features/workouts/types';
import { ApiError, toApiError } from '@/lib/errors';
import { createExercise, EXERCISE_OPTIONS_PATH, type ExerciseOptions } from './api';

const KIND_LABELS: Record<ExerciseKind, string> = {
  weight_reps: 'Weight and reps',
  bodyweight_reps: 'Bodyweight reps',
  weighted_bodyweight: 'Bodyweight plus added weight',
  assisted_bodyweight: 'Bodyweight with assistance',
  duration: 'Time',
  distance_duration: 'Distance and time',
};

type ExerciseFormProps = { initialName?: string; onCreated: (exercise: Exercise) => void };

/** Creates one of the user's own exercises, visible to them only. */
export function ExerciseForm({ initialName = '', onCreated }: ExerciseFormProps) {
  const { data: options } = useSWR<ExerciseOptions, ApiError>(EXERCISE_OPTIONS_PATH);
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<ExerciseKind>('weight_reps');
  const [equipment, setEquipment] = useState('barbell');
  const [muscle, setMuscle] = useState('chest');
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) {
      return;
    }
    if (!name.trim()) {
      setError(
        new ApiError({
          code: 'VALIDATION_FAILED',
          details: [{ field: 'Name', message: 'Name the exercise.' }],
        }),
      );
      return;
    }

    setIsSaving(true);
    setError(null);
    try {
      onCreated(
        await createExercise({
          name: name.trim(),
          kind,
          equipment,
          primaryMuscles: [muscle],
          secondaryMuscles: [],
        }),
      );
      setName('');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form
      className="form exercise-form"
      onSubmit={handleSubmit}
      noValidate
      aria-label="Create an exercise"
    >
      <TextField
        label="Exercise name"
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="filters-row">
        <div className="field">
          <label htmlFor="new-exercise-kind">Measured by</label>
          <select
            id="new-exercise-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as ExerciseKind)}
          >
            {(options?.kinds ?? ['weight_reps']).map((item) => (
              <option key={item} value={item}>
                {KIND_LABELS[item]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-exercise-muscle">Main muscle</label>
          <select
            id="new-exercise-muscle"
            value={muscle}
            onChange={(event) => setMuscle(event.target.value)}
          >
            {(options?.muscles ?? [muscle]).map((item) => (
              <option key={item} value={item}>
                {humanize(item)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-exercise-equipment">Equipment</label>
          <select
            id="new-exercise-equipment"
            value={equipment}
            onChange={(event) => setEquipment(event.target.value)}
          >
            {(options?.equipment ?? [equipment]).map((item) => (
              <option key={item} value={item}>
                {humanize(item)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} title="Could not create the exercise." />
      <button type="submit" className="button button-secondary" disabled={isSaving}>
        {isSaving ? 'Creating…' : 'Create exercise'}
      </button>
    </form>
  );
}
