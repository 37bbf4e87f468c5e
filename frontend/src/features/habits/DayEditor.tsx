'use client';

import { useId, useState } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { recordDay, uncompleteHabit } from '@/features/today/api';
import type { DayEntry } from '@/features/today/types';
import { formatLongDate } from '@/lib/dates';
import { toApiError, type ApiError } from '@/lib/errors';
import { parseDecimal } from './format';
import type { Habit, HistoryDay } from './types';

type DayEditorProps = {
  habit: Habit;
  date: string;
  entry: HistoryDay | null;
  onChanged: () => Promise<void>;
};

/** Records, changes or clears one day of a habit: done (or a value), skipped, with a note. */
const STATE_WORDS: Record<HistoryDay['status'], string> = {
  done: 'Done',
  skipped: 'Skipped',
  none: 'Not done, with a note',
};

export function DayEditor({ habit, date, entry, onChanged }: DayEditorProps) {
  const id = useId();
  const [value, setValue] = useState(entry?.value === null || !entry ? '' : String(entry.value));
  const [note, setNote] = useState(entry?.note ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isMeasurable = habit.kind === 'measurable';

  async function save(next: DayEntry) {
    if (isSaving) {
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await (next ? recordDay(habit.id, date, next) : uncompleteHabit(habit.id, date));
      await onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  function saveDone() {
    const parsed = parseDecimal(value);
    void save({
      status: 'done',
      note: note.trim(),
      ...(isMeasurable ? { value: parsed ?? (value as unknown as number) } : {}),
    });
  }

  const state = !entry ? 'Nothing recorded' : STATE_WORDS[entry.status];

  return (
    <form
      className="card form day-editor"
      aria-label={`Day ${date}`}
      onSubmit={(event) => {
        event.preventDefault();
        saveDone();
      }}
    >
      <h2 className="section-title">{formatLongDate(date)}</h2>
      <p className="muted" aria-live="polite">
        {state}
      </p>
      {isMeasurable && (
        <div className="field">
          <label htmlFor={`${id}-value`}>
            Value{habit.target?.unit ? ` (${habit.target.unit})` : ''}
          </label>
          <input
            id={`${id}-value`}
            inputMode="decimal"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isMeasurable ? 'Save value' : 'Mark done'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={isSaving}
          onClick={() => void save({ status: 'skipped', note: note.trim() })}
        >
          Skip day
        </button>
        {entry && (
          <button
            type="button"
            className="button button-ghost"
            disabled={isSaving}
            onClick={() => void save(null)}
          >
            Clear day
          </button>
        )}
      </div>
      <ErrorAlert error={error} fieldLabels={{ value: 'Value', date: 'Day', note: 'Note' }} />
    </form>
  );
}
