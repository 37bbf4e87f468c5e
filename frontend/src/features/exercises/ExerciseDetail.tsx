'use client';

import { useState } from 'react';
import useSWR from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { LineChart } from '@/components/LineChart';
import { Loading } from '@/components/Loading';
import {
  describeRecordValue,
  describeSet,
  humanize,
  RECORD_LABELS,
} from '@/features/workouts/describe';
import { formatNumber } from '@/features/workouts/numbers';
import type { ExerciseKind, RecordType } from '@/features/workouts/types';
import { formatShortDate } from '@/lib/dates';
import type { ApiError } from '@/lib/errors';
import {
  exerciseHistoryPath,
  exerciseRecordsPath,
  type ExerciseHistory,
  type ExerciseRecords,
} from './api';

const HISTORY_LIMIT = 100;

/** What a chart of this kind of exercise follows, session by session. */
const CHART_METRICS: Record<ExerciseKind, RecordType[]> = {
  weight_reps: ['bestOneRepMax', 'heaviestWeight', 'bestSetVolume', 'mostReps'],
  weighted_bodyweight: ['bestOneRepMax', 'heaviestWeight', 'mostReps'],
  bodyweight_reps: ['mostReps'],
  assisted_bodyweight: ['mostReps'],
  duration: ['longestDuration'],
  distance_duration: ['longestDistance', 'longestDuration'],
};

/** One exercise: the user's records, a chart of a chosen measure, and every session with it. */
export function ExerciseDetail({ exerciseId }: { exerciseId: string }) {
  const records = useSWR<ExerciseRecords, ApiError>(exerciseRecordsPath(exerciseId));
  const history = useSWR<ExerciseHistory, ApiError>(exerciseHistoryPath(exerciseId, HISTORY_LIMIT));
  const [metric, setMetric] = useState<RecordType | null>(null);

  const exercise = records.data?.exercise ?? history.data?.exercise;
  if (!exercise) {
    const error = records.error ?? history.error;
    return error ? <ErrorAlert error={error} /> : <Loading label="Loading the exercise…" />;
  }

  const unit = history.data?.unit ?? records.data?.unit ?? 'kg';
  const metrics = CHART_METRICS[exercise.kind];
  const shown = metric ?? metrics[0] ?? 'mostReps';
  const sessions = [...(history.data?.items ?? [])].reverse();
  const points = sessions.flatMap((session) => {
    const value = session.bests[shown];
    return value === undefined ? [] : [{ label: formatShortDate(session.date), value }];
  });

  return (
    <section className="page" aria-labelledby="exercise-title">
      <header className="page-header">
        <h1 id="exercise-title">{exercise.name}</h1>
        <p className="page-subtitle">
          {exercise.primaryMuscles.map(humanize).join(', ')}
          {exercise.secondaryMuscles.length > 0 &&
            ` (also ${exercise.secondaryMuscles.map(humanize).join(', ')})`}{' '}
          · {humanize(exercise.equipment)}
        </p>
      </header>

      <section className="card" aria-labelledby="exercise-records-title">
        <h2 id="exercise-records-title">Records</h2>
        {records.data?.records.length ? (
          <dl className="record-grid">
            {records.data.records.map((record) => (
              <div key={record.type}>
                <dt>{RECORD_LABELS[record.type]}</dt>
                <dd>
                  <strong>{describeRecordValue(record.type, record.value, unit)}</strong>{' '}
                  <span className="muted">{formatShortDate(record.date)}</span>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">No records yet: log this exercise in a workout.</p>
        )}
        <p className="muted">
          Estimated 1RM uses Epley, weight × (1 + reps ÷ 30), for sets of 1 to 10 reps; warm-ups
          never count, and a tie is not a record.
        </p>
      </section>

      {points.length > 0 && (
        <section className="card" aria-label="Chart">
          {metrics.length > 1 && (
            <div className="field">
              <label htmlFor="chart-metric">Chart</label>
              <select
                id="chart-metric"
                value={shown}
                onChange={(event) => setMetric(event.target.value as RecordType)}
              >
                {metrics.map((item) => (
                  <option key={item} value={item}>
                    {RECORD_LABELS[item]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <LineChart
            title={`${RECORD_LABELS[shown]} per session`}
            points={points}
            formatValue={(value) => describeRecordValue(shown, value, unit)}
          />
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="section-title">
          History
        </h2>
        {history.data?.items.length === 0 && <p className="muted">Not done yet.</p>}
        <ul className="card-list" aria-label="History">
          {history.data?.items.map((session) => (
            <li key={session.workoutId} className="card">
              <p>
                <strong>{formatShortDate(session.date)}</strong>
                {session.volume > 0 && (
                  <span className="muted">
                    {' '}
                    · {formatNumber(session.volume)} {unit} volume
                  </span>
                )}
              </p>
              <ol className="set-chips" aria-label={`Sets on ${session.date}`}>
                {session.sets.map((set, index) => (
                  <li key={index} className="set-chip">
                    {describeSet(set, exercise.kind, unit)}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
