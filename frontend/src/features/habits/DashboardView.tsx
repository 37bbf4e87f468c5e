'use client';

import Link from 'next/link';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { LoadMoreButton } from '@/components/LoadMoreButton';
import { usePaginatedList } from '@/lib/usePaginatedList';
import { SUMMARY_PATH } from './api';
import { formatPercent, formatStreak } from './format';
import type { Dashboard, HabitSummary } from './types';
import './habits.css';

const PAGE_SIZE = 20;

/** The dashboard: activity by week across habits, and each habit's streak, strength and rates. */
export function DashboardView() {
  const { pages, items, error, isLoading, hasMore, isLoadingMore, loadMore, mutate } =
    usePaginatedList<HabitSummary, Dashboard>(SUMMARY_PATH, PAGE_SIZE);
  const weeks = pages[0]?.weeks ?? [];
  const busiest = Math.max(1, ...weeks.map((week) => week.done));

  return (
    <section className="page" aria-labelledby="stats-title">
      <header className="page-header">
        <h1 id="stats-title">Stats</h1>
        <p className="page-subtitle">How your habits are going.</p>
      </header>

      {isLoading && <Loading label="Loading stats…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />

      {weeks.length > 0 && (
        <div className="card">
          <h2 className="section-title">Days done, last 12 weeks</h2>
          <ol className="week-columns" aria-label="Days done by week">
            {weeks.map((week) => (
              <li
                key={week.key}
                aria-label={`${week.key}: ${week.done} done, ${week.skipped} skipped`}
              >
                <span
                  className="week-column"
                  style={{ height: `${(week.done / busiest) * 100}%` }}
                />
              </li>
            ))}
          </ol>
        </div>
      )}

      {!isLoading && !error && items.length === 0 && (
        <EmptyState title="Nothing to show yet">
          <p>
            <Link href="/habits">Add a habit</Link> and check it off to see your streaks here.
          </p>
        </EmptyState>
      )}
      {items.length > 0 && (
        <ul className="card-list" aria-label="Habit summaries">
          {items.map((summary) => (
            <SummaryRow key={summary.habit.id} summary={summary} />
          ))}
        </ul>
      )}
      {hasMore && (
        <LoadMoreButton label="Load more habits" isLoading={isLoadingMore} onLoadMore={loadMore} />
      )}
    </section>
  );
}

function SummaryRow({ summary }: { summary: HabitSummary }) {
  const { habit } = summary;

  return (
    <li className="card summary-row">
      <Link href={`/habits/${habit.id}`} className="habit-name habit-link">
        {habit.icon && <span aria-hidden="true">{habit.icon} </span>}
        {habit.name}
      </Link>
      <dl className="summary-figures">
        <div>
          <dt>Streak</dt>
          <dd>{formatStreak(summary.currentStreak)}</dd>
        </div>
        <div>
          <dt>Strength</dt>
          <dd>{formatPercent(summary.score)}</dd>
        </div>
        <div>
          <dt>This week</dt>
          <dd>{formatPercent(summary.week?.rate ?? null)}</dd>
        </div>
        <div>
          <dt>This month</dt>
          <dd>{formatPercent(summary.month?.rate ?? null)}</dd>
        </div>
      </dl>
    </li>
  );
}
