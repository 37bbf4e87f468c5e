'use client';

import { useState } from 'react';
import useSWR from 'swr';

import { BarChart } from '@/components/BarChart';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { humanize } from '@/features/workouts/describe';
import { formatNumber, formatWeight } from '@/features/workouts/numbers';
import { formatShortDate } from '@/lib/dates';
import type { ApiError } from '@/lib/errors';
import { progressPath, type Progress } from './api';
import { BodyWeightLog } from './BodyWeightLog';

const PERIODS = [8, 12, 26, 52] as const;

/** Workouts per week, weekly volume overall and per muscle group, totals, and body weight. */
export function ProgressView() {
  const [weeks, setWeeks] = useState<number>(12);
  const { data, error, isLoading, mutate } = useSWR<Progress, ApiError>(progressPath(weeks), {
    keepPreviousData: true,
  });

  return (
    <section className="page" aria-labelledby="progress-title">
      <header className="page-header">
        <h1 id="progress-title">Progress</h1>
        <p className="page-subtitle">Calendar weeks, in your time zone.</p>
      </header>
      <div className="field">
        <label htmlFor="progress-weeks">Period</label>
        <select
          id="progress-weeks"
          value={weeks}
          onChange={(event) => setWeeks(Number(event.target.value))}
        >
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              Last {period} weeks
            </option>
          ))}
        </select>
      </div>
      {isLoading && <Loading label="Loading progress…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {data && <ProgressCharts progress={data} />}
      <BodyWeightLog />
    </section>
  );
}

function ProgressCharts({ progress }: { progress: Progress }) {
  const { unit, weeks, totals } = progress;
  const muscles = totalsByMuscle(progress);
  const label = (start: string) => formatShortDate(start).replace(/^\w+,?\s*/, '');

  return (
    <>
      <section className="card" aria-label="Totals">
        <dl className="record-grid">
          <div>
            <dt>Workouts, all time</dt>
            <dd>
              <strong>{totals.workouts}</strong>
            </dd>
          </div>
          <div>
            <dt>Volume, all time</dt>
            <dd>
              <strong>{formatWeight(totals.volume, unit)}</strong>
            </dd>
          </div>
          <div>
            <dt>Workouts in the period</dt>
            <dd>
              <strong>{weeks.reduce((sum, week) => sum + week.workouts, 0)}</strong>
            </dd>
          </div>
        </dl>
      </section>
      <section className="card">
        <BarChart
          title="Workouts per week"
          bars={weeks.map((week) => ({ label: label(week.start), value: week.workouts }))}
        />
      </section>
      <section className="card">
        <BarChart
          title={`Volume per week (${unit})`}
          bars={weeks.map((week) => ({ label: label(week.start), value: week.volume }))}
          formatValue={(value) =>
            value >= 1000 ? `${formatNumber(value / 1000, 1)}k` : formatNumber(value, 0)
          }
        />
      </section>
      <section className="card" aria-labelledby="muscle-title">
        <h2 id="muscle-title">Volume per muscle group</h2>
        {muscles.length === 0 ? (
          <p className="muted">No weighted sets in this period.</p>
        ) : (
          <table className="muscle-table">
            <thead>
              <tr>
                <th scope="col">Muscle</th>
                <th scope="col">Last week</th>
                <th scope="col">Weekly average</th>
              </tr>
            </thead>
            <tbody>
              {muscles.map((row) => (
                <tr key={row.muscle}>
                  <th scope="row">{humanize(row.muscle)}</th>
                  <td>{formatWeight(row.lastWeek, unit)}</td>
                  <td>{formatWeight(row.average, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">Each set counts in full for every primary muscle of its exercise.</p>
      </section>
    </>
  );
}

function totalsByMuscle({ weeks }: Progress) {
  const totals = new Map<string, number>();
  for (const week of weeks) {
    for (const [muscle, volume] of Object.entries(week.volumeByMuscle)) {
      totals.set(muscle, (totals.get(muscle) ?? 0) + volume);
    }
  }
  const lastWeek = weeks.at(-1)?.volumeByMuscle ?? {};

  return [...totals]
    .sort(([, a], [, b]) => b - a)
    .map(([muscle, total]) => ({
      muscle,
      lastWeek: lastWeek[muscle] ?? 0,
      average: Math.round((total / Math.max(1, weeks.length)) * 10) / 10,
    }));
}
