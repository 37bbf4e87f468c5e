'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { FormEvent } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { ErrorAlert } from '@/components/ErrorAlert';
import { TextField } from '@/components/TextField';
import { ApiError, toApiError } from '@/lib/errors';
import { deleteHabit, updateHabit } from './api';
import { describeSchedule, describeTarget } from './format';
import { HabitFields } from './HabitFields';
import { HABIT_FIELD_LABELS, draftOf, inputOf } from './habitDraft';
import { HABIT_NAME_MAX_LENGTH } from './types';
import type { Habit } from './types';

type Mode = 'view' | 'edit' | 'confirmDelete';

type HabitRowProps = {
  habit: Habit;
  onChanged: () => Promise<void>;
  /** Absent for archived habits, which keep no order of their own. */
  onMove?: (direction: -1 | 1) => Promise<void>;
  canMoveUp?: boolean;
  canMoveDown?: boolean;
};

/** One habit in the list: edited in place, moved, archived or restored, or deleted. */
export function HabitRow({ habit, onChanged, onMove, canMoveUp, canMoveDown }: HabitRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(() => draftOf(habit));
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  function startEdit() {
    setDraft(draftOf(habit));
    setError(null);
    setMode('edit');
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

  async function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    if (!draft.name.trim()) {
      setError(emptyName());
      return;
    }

    const { kind: _kind, ...changes } = inputOf(draft);
    await run(() => updateHabit(habit.id, changes));
  }

  const invalidFields = new Set(error?.details.map((detail) => detail.field) ?? []);
  const details = [
    describeSchedule(habit.schedule, habit.target),
    habit.target ? describeTarget(habit.target) : null,
    habit.reminderTime ? `reminder ${habit.reminderTime}` : null,
  ].filter(Boolean);

  return (
    <li className="card habit-row">
      {mode === 'edit' ? (
        <form className="form" onSubmit={handleSave} noValidate aria-label={`Edit ${habit.name}`}>
          <TextField
            label="Habit name"
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            maxLength={HABIT_NAME_MAX_LENGTH}
            isInvalid={invalidFields.has('name')}
            autoFocus
          />
          <HabitFields
            draft={draft}
            onChange={setDraft}
            canChangeKind={false}
            invalidFields={invalidFields}
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
          {habit.icon ? (
            <span
              className="habit-icon"
              aria-hidden="true"
              style={{ borderColor: habit.color ?? undefined }}
            >
              {habit.icon}
            </span>
          ) : (
            <span
              className="habit-dot"
              style={habit.color ? { background: habit.color } : undefined}
              aria-hidden="true"
            />
          )}
          <div className="habit-row-text">
            <Link href={`/habits/${habit.id}`} className="habit-name habit-link">
              {habit.name}
            </Link>
            <span className="habit-description">{details.join(' · ')}</span>
            {habit.description && <span className="habit-description">{habit.description}</span>}
          </div>
          {mode === 'view' && (
            <div className="button-row habit-actions">
              {onMove && (
                <>
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    aria-label={`Move ${habit.name} up`}
                    disabled={!canMoveUp || isBusy}
                    onClick={() => void run(() => onMove(-1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    aria-label={`Move ${habit.name} down`}
                    disabled={!canMoveDown || isBusy}
                    onClick={() => void run(() => onMove(1))}
                  >
                    ↓
                  </button>
                </>
              )}
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={`Edit ${habit.name}`}
                onClick={startEdit}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={`${habit.archived ? 'Restore' : 'Archive'} ${habit.name}`}
                disabled={isBusy}
                onClick={() => void run(() => updateHabit(habit.id, { archived: !habit.archived }))}
              >
                {habit.archived ? 'Restore' : 'Archive'}
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
      <ErrorAlert error={error} fieldLabels={HABIT_FIELD_LABELS} />
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
