'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { humanize } from '@/features/workouts/describe';
import { ExerciseFilters } from './ExerciseFilters';
import { ExerciseForm } from './ExerciseForm';
import { useExerciseSearch } from './useExerciseSearch';

/** The exercise catalog and the user's own exercises: search, filter, open one, create one. */
export function ExercisesView() {
  const router = useRouter();
  const { filters, setFilters, exercises, hasMore, loadMore, error, isLoading } =
    useExerciseSearch(50);
  const [isCreating, setIsCreating] = useState(false);

  return (
    <section className="page" aria-labelledby="exercises-title">
      <header className="page-header">
        <h1 id="exercises-title">Exercises</h1>
        <p className="page-subtitle">Open one to see your records, its history and a chart.</p>
      </header>
      <ExerciseFilters filters={filters} onChange={setFilters} />
      <ErrorAlert error={error} />
      {isLoading && exercises.length === 0 && <Loading label="Loading exercises…" />}
      <ul className="card exercise-list" aria-label="Exercises">
        {exercises.map((exercise) => (
          <li key={exercise.id}>
            <Link href={`/workouts/exercises/${exercise.id}`} className="exercise-link">
              <span className="picker-name">{exercise.name}</span>
              <span className="muted">
                {exercise.primaryMuscles.map(humanize).join(', ')} · {humanize(exercise.equipment)}
                {exercise.isCustom ? ' · yours' : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {hasMore && (
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={() => void loadMore()}
        >
          Show more exercises
        </button>
      )}
      {isCreating ? (
        <section className="card" aria-label="Your own exercise">
          <ExerciseForm
            onCreated={(exercise) => router.push(`/workouts/exercises/${exercise.id}`)}
          />
        </section>
      ) : (
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={() => setIsCreating(true)}
        >
          + Create your own exercise
        </button>
      )}
    </section>
  );
}
