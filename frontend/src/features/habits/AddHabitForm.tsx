'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { TextField } from '@/components/TextField';
import { ApiError, toApiError } from '@/lib/errors';
import { createHabit } from './api';
import { HABIT_NAME_MAX_LENGTH } from './types';

/** A one-field form that creates a habit. */
export function AddHabitForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (isSaving) {
      return;
    }
    if (!trimmed) {
      setError(missingName());
      return;
    }

    setIsSaving(true);
    setError(null);
    try {
      await createHabit({ name: trimmed });
      setName('');
      await onCreated();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="card form add-habit" onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={error} fieldLabels={{ name: 'Habit name' }} />
      <div className="inline-form">
        <TextField
          label="Habit name"
          name="name"
          placeholder="e.g. Read 10 pages"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          isInvalid={error?.code === 'VALIDATION_FAILED'}
          maxLength={HABIT_NAME_MAX_LENGTH}
          className="inline-form-grow"
        />
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? 'Adding…' : 'Add habit'}
        </button>
      </div>
    </form>
  );
}

function missingName(): ApiError {
  return new ApiError({
    code: 'VALIDATION_FAILED',
    details: [{ field: 'name', message: 'Give the habit a name.' }],
  });
}
