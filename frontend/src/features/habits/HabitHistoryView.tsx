'use client';

import Link from 'next/link';
import { useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { isProgressKey } from '@/features/today/api';
import type { ApiError } from '@/lib/errors';
import { habitPath, historyPath, statsPath } from './api';
import { DayEditor } from './DayEditor';
import { describeSchedule, describeTarget, formatPercent, formatStreak } from './format';
import { HeatMap } from './HeatMap';
import { RateBars } from './RateBars';
import type { Habit, HabitHistory, HabitStats } from './types';
import './habits.css';

/** A habit's page: streaks and strength, a year's heat map, rates by week and month. */
export function HabitHistoryView({ habitId }: { habitId: string }) {
  const habit = useSWR<Habit, ApiError>(habitPath(habitId));
  const stats = useSWR<HabitStats, ApiError>(statsPath(habitId));
  const history = useSWR<HabitHistory, ApiError>(historyPath(habitId));
  const { mutate } = useSWRConfig();
  const [selected, setSelected] = useState<string | null>(null);

  if (habit.error) {
    return (
      <section className="page">
        <ErrorAlert error={habit.error} onRetry={() => void habit.mutate()} />
        <Link href="/habits">Back to habits</Link>
      </section>
    );
  }
  if (!habit.data) {
    return <Loading label="Loading habit…" />;
  }

  const current = habit.data;
  const day = selected ?? history.data?.to ?? null;
  const entry = history.data?.days.find((item) => item.date === day) ?? null;

  return (
    <section className="page" aria-labelledby="habit-title">
      <header className="page-header">
        <p className="page-subtitle">
          <Link href="/habits">Habits</Link>
        </p>
        <h1 id="habit-title">
          {current.icon && <span aria-hidden="true">{current.icon} </span>}
          {current.name}
        </h1>
        <p className="page-subtitle">
          {describeSchedule(current.schedule, current.target)}
          {current.target ? ` · ${describeTarget(current.target)}` : ''}
          {current.reminderTime ? ` · reminder ${current.reminderTime}` : ''}
        </p>
      </header>

      <ErrorAlert error={stats.error ?? history.error} />
      {stats.data && (
        <dl className="stat-grid" aria-label="Streaks and strength">
          <Stat label="Current streak" value={formatStreak(stats.data.currentStreak)} />
          <Stat label="Best streak" value={formatStreak(stats.data.bestStreak)} />
          <Stat label="Strength" value={formatPercent(stats.data.score)} />
          <Stat label="Days done" value={String(stats.data.totals.done)} />
        </dl>
      )}

      {history.data ? (
        <>
          <div className="card">
            <h2 className="section-title">Last year</h2>
            <HeatMap
              history={history.data}
              color={current.color ?? undefined}
              selected={day}
              onSelect={setSelected}
            />
          </div>
          {day && (
            <DayEditor
              key={`${day}:${entry?.status ?? ''}:${entry?.value ?? ''}`}
              habit={current}
              date={day}
              entry={entry}
              onChanged={async () => {
                await mutate(isProgressKey);
              }}
            />
          )}
          <div className="card">
            <h2 className="section-title">Completion by week</h2>
            <RateBars
              label="Completion by week"
              buckets={history.data.weeks.slice(-12)}
              by="week"
            />
          </div>
          <div className="card">
            <h2 className="section-title">Completion by month</h2>
            <RateBars
              label="Completion by month"
              buckets={history.data.months.slice(-12)}
              by="month"
            />
          </div>
        </>
      ) : (
        <Loading label="Loading history…" />
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
