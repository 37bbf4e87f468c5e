'use client';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { useWorkouts } from './useWorkouts';
import { WorkoutCard } from './WorkoutCard';
import { WorkoutForm } from './WorkoutForm';

/** The Workouts page: the log form, then past workouts newest first. */
export function WorkoutsView() {
  const { items, error, isLoading, hasMore, isLoadingMore, loadMore, mutate } = useWorkouts();
  const exerciseNames = [
    ...new Set(items.flatMap((workout) => workout.exercises.map((e) => e.name))),
  ];

  async function refresh() {
    await mutate();
  }

  return (
    <section className="page" aria-labelledby="workouts-title">
      <header className="page-header">
        <h1 id="workouts-title">Workouts</h1>
        <p className="page-subtitle">Log what you lifted; see what you did before.</p>
      </header>

      <WorkoutForm knownExerciseNames={exerciseNames} onSaved={refresh} />

      <h2 className="section-title">Past workouts</h2>
      {isLoading && <Loading label="Loading workouts…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {!isLoading && !error && items.length === 0 && (
        <EmptyState title="No workouts yet">
          <p>Your logged workouts will appear here.</p>
        </EmptyState>
      )}

      {items.length > 0 && (
        <ul className="card-list" aria-label="Past workouts">
          {items.map((workout) => (
            <WorkoutCard key={workout.id} workout={workout} onDeleted={refresh} />
          ))}
        </ul>
      )}

      {hasMore && (
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={() => void loadMore()}
          disabled={isLoadingMore}
        >
          {isLoadingMore ? 'Loading…' : 'Load more workouts'}
        </button>
      )}
    </section>
  );
}
