'use client';

import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError, toApiError } from '@/lib/errors';
import { deleteHabit, updateHabit } from './api';
import { HABIT_NAME_MAX_LENGTH } from './types';
import type { Habit } from './types';

type Mode = 'view' | 'rename' | 'confirmDelete';

type HabitRowProps = { habit: Habit; onChanged: () => Promise<void> };

/** One habit in the list, renamed in place or deleted after a confirmation. */
export function HabitRow({ habit, onChanged }: HabitRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(habit.name);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  function startRename() {
    setDraft(habit.name);
    setError(null);
    setMode('rename');
  }

  function cancel() {
    setError(null);
    setMode('view');
  }

  async function run(action: () => Promise<unknown>) {
    setIsBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
      setMode('view');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  async function handleRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = draft.trim();
    if (isBusy) {
      return;
    }
    if (!name) {
      setError(emptyName());
      return;
    }
    if (name === habit.name) {
      setMode('view');
      return;
    }

    await run(() => updateHabit(habit.id, { name }));
  }

  function handleRenameKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      cancel();
    }
  }

  return (
    <li className="card habit-row">
      {mode === 'rename' ? (
        <form className="inline-form" onSubmit={handleRename} noValidate>
          <label className="visually-hidden" htmlFor={`rename-${habit.id}`}>
            New name for {habit.name}
          </label>
          <input
            id={`rename-${habit.id}`}
            className="inline-form-grow"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={handleRenameKeyDown}
            maxLength={HABIT_NAME_MAX_LENGTH}
            aria-invalid={error?.code === 'VALIDATION_FAILED' || undefined}
            autoFocus
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={isBusy}>
              {isBusy ? 'Saving…' : 'Save'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={cancel}
              disabled={isBusy}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="habit-row-main">
          <span
            className="habit-dot"
            style={habit.color ? { background: habit.color } : undefined}
            aria-hidden="true"
          />
          <div className="habit-row-text">
            <span className="habit-name">{habit.name}</span>
            {habit.description && <span className="habit-description">{habit.description}</span>}
          </div>
          {mode === 'view' && (
            <div className="button-row">
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={`Rename ${habit.name}`}
                onClick={startRename}
              >
                Rename
              </button>
              <button
                type="button"
                className="button button-ghost button-small button-danger-text"
                aria-label={`Delete ${habit.name}`}
                onClick={() => {
                  setError(null);
                  setMode('confirmDelete');
                }}
              >
                Delete
              </button>
            </div>
          )}
        </div>
      )}

      {mode === 'confirmDelete' && (
        <ConfirmInline
          question={`Delete “${habit.name}” and its check-ins? This cannot be undone.`}
          confirmLabel="Yes, delete"
          isPending={isBusy}
          onConfirm={() => void run(() => deleteHabitIfPresent(habit.id))}
          onCancel={cancel}
        />
      )}
      <ErrorAlert error={error} fieldLabels={{ name: 'Name' }} />
    </li>
  );
}

// Deleting a habit that another tab already deleted has the outcome the user asked for.
async function deleteHabitIfPresent(habitId: string): Promise<void> {
  try {
    await deleteHabit(habitId);
  } catch (error) {
    if (toApiError(error).code !== 'NOT_FOUND') {
      throw error;
    }
  }
}

function emptyName(): ApiError {
  return new ApiError({
    code: 'VALIDATION_FAILED',
    details: [{ field: 'name', message: 'A habit needs a name.' }],
  });
}
