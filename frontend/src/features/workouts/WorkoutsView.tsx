'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { useFreshOnMount } from '@/lib/useFreshOnMount';
import { useRoutines } from '@/features/routines/useRoutines';
import { useActiveWorkout } from './useActiveWorkout';
import { useWorkouts } from './useWorkouts';
import { WorkoutCard } from './WorkoutCard';

/** The Workouts page: start or resume a workout, then past workouts newest first. */
export function WorkoutsView() {
  const router = useRouter();
  const { workout, start } = useActiveWorkout();
  const routines = useRoutines();
  const { items, error, isLoading, hasMore, isLoadingMore, loadMore, mutate } = useWorkouts();
  useFreshOnMount(mutate);

  function handleStart(routineIndex?: number) {
    start(routineIndex === undefined ? undefined : routines.items[routineIndex]);
    router.push('/workouts/log');
  }

  return (
    <section className="page" aria-labelledby="workouts-title">
      <header className="page-header">
        <h1 id="workouts-title">Workouts</h1>
        <p className="page-subtitle">Log what you lift; see what you did before.</p>
      </header>

      {workout ? (
        <div className="card start-card">
          <p>
            <strong>{workout.routineName ?? 'A workout'}</strong> is in progress.
          </p>
          <Link href="/workouts/log" className="button button-primary button-block">
            Resume workout
          </Link>
        </div>
      ) : (
        <div className="card start-card">
          <button
            type="button"
            className="button button-primary button-block"
            onClick={() => handleStart()}
          >
            Start empty workout
          </button>
          {routines.items.length > 0 && (
            <ul className="start-routines" aria-label="Start from a routine">
              {routines.items.slice(0, 6).map((routine, index) => (
                <li key={routine.id}>
                  <button
                    type="button"
                    className="button button-secondary button-block"
                    onClick={() => handleStart(index)}
                  >
                    Start {routine.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <h2 className="section-title">Past workouts</h2>
      {isLoading && <Loading label="Loading workouts…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {!isLoading && !error && items.length === 0 && (
        <EmptyState title="No workouts yet">
          <p>Your finished workouts will appear here.</p>
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className="card-list" aria-label="Past workouts">
          {items.map((item) => (
            <WorkoutCard key={item.id} workout={item} />
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
