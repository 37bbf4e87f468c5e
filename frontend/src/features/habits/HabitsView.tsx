'use client';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { AddHabitForm } from './AddHabitForm';
import { HabitRow } from './HabitRow';
import { useHabits } from './useHabits';

/** The Habits page: add a habit, rename one in place, delete one after a confirmation. */
export function HabitsView() {
  const { items, error, isLoading, hasMore, isLoadingMore, loadMore, mutate, refresh } =
    useHabits();

  return (
    <section className="page" aria-labelledby="habits-title">
      <header className="page-header">
        <h1 id="habits-title">Habits</h1>
        <p className="page-subtitle">What you want to do every day.</p>
      </header>

      <AddHabitForm onCreated={refresh} />

      {isLoading && <Loading label="Loading habits…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {!isLoading && !error && items.length === 0 && (
        <EmptyState title="No habits yet">
          <p>Add your first one above, for example “Read 10 pages” or “Walk at lunch”.</p>
        </EmptyState>
      )}

      {items.length > 0 && (
        <ul className="card-list" aria-label="Your habits">
          {items.map((habit) => (
            <HabitRow key={habit.id} habit={habit} onChanged={refresh} />
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
          {isLoadingMore ? 'Loading…' : 'Load more habits'}
        </button>
      )}
    </section>
  );
}
