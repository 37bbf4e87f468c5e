'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';
import useSWR from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { LineChart } from '@/components/LineChart';
import { TextField } from '@/components/TextField';
import { formatNumber, parseDecimal } from '@/features/workouts/numbers';
import { useUnit } from '@/features/workouts/useUnit';
import { formatShortDate } from '@/lib/dates';
import { ApiError, toApiError } from '@/lib/errors';
import { useLocalToday } from '@/lib/useLocalToday';
import { bodyWeightsPath, deleteBodyWeight, saveBodyWeight, type BodyWeight } from './api';

const ENTRIES = 90;

/** Logs the day's body weight (one per day; saving again replaces it), with a chart and a list. */
export function BodyWeightLog() {
  const unit = useUnit();
  const today = useLocalToday();
  const { data, error, mutate } = useSWR<{ items: BodyWeight[] }, ApiError>(
    bodyWeightsPath(ENTRIES),
  );
  const [date, setDate] = useState(today);
  const [weight, setWeight] = useState('');
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const entries = data?.items ?? [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = parseDecimal(weight);
    if (value === null || !Number.isFinite(value) || value <= 0) {
      setFormError(
        new ApiError({
          code: 'VALIDATION_FAILED',
          details: [
            { field: `Body weight (${unit})`, message: 'Enter a weight such as 80,5 or 80.5.' },
          ],
        }),
      );
      return;
    }

    setIsSaving(true);
    setFormError(null);
    try {
      await saveBodyWeight(date, value, unit);
      setWeight('');
      await mutate();
    } catch (caught) {
      setFormError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  async function handleDelete(day: string) {
    try {
      await deleteBodyWeight(day);
      await mutate();
    } catch (caught) {
      setFormError(toApiError(caught));
    }
  }

  return (
    <section className="card" aria-labelledby="body-weight-title">
      <h2 id="body-weight-title">Body weight</h2>
      <form className="form inline-form" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Day"
          type="date"
          value={date}
          max={today}
          onChange={(event) => setDate(event.target.value)}
        />
        <TextField
          label={`Body weight (${unit})`}
          inputMode="decimal"
          autoComplete="off"
          value={weight}
          onChange={(event) => setWeight(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={isSaving}>
          Save weight
        </button>
      </form>
      <ErrorAlert error={formError ?? error} />
      {entries.length > 1 && (
        <LineChart
          title={`Body weight (${unit})`}
          points={[...entries]
            .reverse()
            .map((entry) => ({ label: formatShortDate(entry.date), value: entry.weight }))}
          formatValue={(value) => `${formatNumber(value)} ${unit}`}
        />
      )}
      <ul className="body-weight-list" aria-label="Body weight entries">
        {entries.slice(0, 14).map((entry) => (
          <li key={entry.date}>
            <span>{formatShortDate(entry.date)}</span>
            <strong>
              {formatNumber(entry.weight)} {entry.unit}
            </strong>
            <button
              type="button"
              className="button button-ghost button-icon"
              aria-label={`Delete the weight of ${entry.date}`}
              onClick={() => void handleDelete(entry.date)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
