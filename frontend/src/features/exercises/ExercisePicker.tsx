'use client';

import { useState } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { humanize } from '@/features/workouts/describe';
import type { Exercise } from '@/features/workouts/types';
import { ExerciseFilters } from './ExerciseFilters';
import { ExerciseForm } from './ExerciseForm';
import { useExerciseSearch } from './useExerciseSearch';

type ExercisePickerProps = { onPick: (exercise: Exercise) => void; onClose: () => void };

/** Finds an exercise in the catalog or the user's own, or creates one, and hands it over. */
export function ExercisePicker({ onPick, onClose }: ExercisePickerProps) {
  const { filters, setFilters, exercises, error, isLoading } = useExerciseSearch();
  const [isCreating, setIsCreating] = useState(false);

  return (
    <section className="card picker" aria-labelledby="picker-title">
      <div className="picker-header">
        <h2 id="picker-title">Add an exercise</h2>
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <ExerciseFilters filters={filters} onChange={setFilters} />
      <ErrorAlert error={error} />
      {isLoading && exercises.length === 0 && <Loading label="Searching…" />}
      <ul className="picker-list" aria-label="Exercises found">
        {exercises.map((exercise) => (
          <li key={exercise.id}>
            <button
              type="button"
              className="picker-item"
              aria-label={`Add ${exercise.name}`}
              onClick={() => onPick(exercise)}
            >
              <span className="picker-name">{exercise.name}</span>
              <span className="muted">
                {exercise.primaryMuscles.map(humanize).join(', ')} · {humanize(exercise.equipment)}
                {exercise.isCustom ? ' · yours' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!isLoading && exercises.length === 0 && <p className="muted">No exercise matches.</p>}
      {isCreating ? (
        <ExerciseForm initialName={filters.q ?? ''} onCreated={onPick} />
      ) : (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => setIsCreating(true)}
        >
          + Create your own exercise
        </button>
      )}
    </section>
  );
}
