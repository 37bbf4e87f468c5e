'use client';

import { useState } from 'react';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { LoadMoreButton } from '@/components/LoadMoreButton';
import { AddHabitForm } from './AddHabitForm';
import { reorderHabits } from './api';
import { HabitRow } from './HabitRow';
import { useHabits } from './useHabits';
import './habits.css';

/** The Habits page: add, edit, reorder, archive or restore, and delete habits. */
export function HabitsView() {
  const active = useHabits();
  const archived = useHabits({ archived: true });
  const [isShowingArchived, setIsShowingArchived] = useState(false);
  const shown = isShowingArchived ? archived : active;

  async function refreshBoth() {
    await Promise.all([active.refresh(), archived.refresh()]);
  }

  // The API puts the given habits in the given order within the places they held: sending the
  // two neighbours swapped moves one past the other.
  async function move(index: number, direction: -1 | 1) {
    const habit = active.items[index];
    const neighbour = active.items[index + direction];
    if (!habit || !neighbour) {
      return;
    }
    await reorderHabits(direction < 0 ? [habit.id, neighbour.id] : [neighbour.id, habit.id]);
  }

  return (
    <section className="page" aria-labelledby="habits-title">
      <header className="page-header">
        <h1 id="habits-title">Habits</h1>
        <p className="page-subtitle">What you want to do, and how often.</p>
      </header>

      {!isShowingArchived && <AddHabitForm onCreated={refreshBoth} />}

      <div className="segmented" role="group" aria-label="Which habits">
        <button
          type="button"
          className="button button-small"
          aria-pressed={!isShowingArchived}
          onClick={() => setIsShowingArchived(false)}
        >
          Active
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={isShowingArchived}
          onClick={() => setIsShowingArchived(true)}
        >
          Archived
        </button>
      </div>

      {shown.isLoading && <Loading label="Loading habits…" />}
      <ErrorAlert error={shown.error} onRetry={() => void shown.mutate()} />
      {!shown.isLoading && !shown.error && shown.items.length === 0 && (
        <EmptyState title={isShowingArchived ? 'No archived habits' : 'No habits yet'}>
          {isShowingArchived ? (
            <p>Archive a habit to rest it without losing its history.</p>
          ) : (
            <p>Add your first one above, for example “Read 10 pages” or “Walk at lunch”.</p>
          )}
        </EmptyState>
      )}

      {shown.items.length > 0 && (
        <ul
          className="card-list"
          aria-label={isShowingArchived ? 'Archived habits' : 'Your habits'}
        >
          {shown.items.map((habit, index) => (
            <HabitRow
              key={habit.id}
              habit={habit}
              onChanged={refreshBoth}
              {...(isShowingArchived
                ? {}
                : {
                    onMove: (direction: -1 | 1) => move(index, direction),
                    canMoveUp: index > 0,
                    canMoveDown: index < shown.items.length - 1,
                  })}
            />
          ))}
        </ul>
      )}

      {shown.hasMore && (
        <LoadMoreButton
          label="Load more habits"
          isLoading={shown.isLoadingMore}
          onLoadMore={shown.loadMore}
        />
      )}
    </section>
  );
}
