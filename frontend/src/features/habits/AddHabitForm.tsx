'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { TextField } from '@/components/TextField';
import { ApiError, toApiError } from '@/lib/errors';
import { createHabit } from './api';
import { HabitFields } from './HabitFields';
import { HABIT_FIELD_LABELS, emptyDraft, inputOf } from './habitDraft';
import { HABIT_NAME_MAX_LENGTH } from './types';

/** Creates a habit from a name, with every other setting under "More options". */
export function AddHabitForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const [draft, setDraft] = useState(emptyDraft);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isExpanded, setIsExpanded] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) {
      return;
    }
    if (!draft.name.trim()) {
      setError(missingName());
      return;
    }

    setIsSaving(true);
    setError(null);
    try {
      await createHabit(inputOf(draft));
      setDraft(emptyDraft());
      setIsExpanded(false);
      await onCreated();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  const invalidFields = new Set(error?.details.map((detail) => detail.field) ?? []);

  return (
    <form className="card form add-habit" onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={error} fieldLabels={HABIT_FIELD_LABELS} />
      <div className="inline-form">
        <TextField
          label="Habit name"
          name="name"
          placeholder="e.g. Read 10 pages"
          autoComplete="off"
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          isInvalid={invalidFields.has('name')}
          maxLength={HABIT_NAME_MAX_LENGTH}
          className="inline-form-grow"
        />
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? 'Adding…' : 'Add habit'}
        </button>
      </div>
      <details
        className="more-options"
        open={isExpanded}
        onToggle={(event) => setIsExpanded(event.currentTarget.open)}
      >
        <summary>More options: schedule, target, reminder, look</summary>
        <HabitFields
          draft={draft}
          onChange={setDraft}
          canChangeKind
          invalidFields={invalidFields}
        />
      </details>
    </form>
  );
}

function missingName(): ApiError {
  return new ApiError({
    code: 'VALIDATION_FAILED',
    details: [{ field: 'name', message: 'Give the habit a name.' }],
  });
}
