'use client';

import { useId, useReducer, useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { TextField } from '@/components/TextField';
import { ApiError, toApiError } from '@/lib/errors';
import { useLocalToday } from '@/lib/useLocalToday';
import { createWorkout } from './api';
import { ExerciseFields } from './ExerciseFields';
import {
  checkDraft,
  createDraft,
  describeWorkoutField,
  draftReducer,
  LIMITS,
  normalizeFieldPath,
} from './workoutDraft';

type WorkoutFormProps = {
  /** Exercise names from past workouts, offered as suggestions. */
  knownExerciseNames: string[];
  onSaved: () => Promise<void>;
};

/** Logs a workout: its day, optional notes, and exercises each with sets of reps × kg. */
export function WorkoutForm({ knownExerciseNames, onSaved }: WorkoutFormProps) {
  const today = useLocalToday();
  const [draft, dispatch] = useReducer(draftReducer, today, createDraft);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [savedMessage, setSavedMessage] = useState('');
  // A ref, not state: a fast double tap fires twice before the re-render disables the button.
  const isSubmitting = useRef(false);
  const nameListId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting.current) {
      return;
    }

    setSavedMessage('');
    const { input, details } = checkDraft(draft, today);
    if (!input) {
      setError(new ApiError({ code: 'VALIDATION_FAILED', details }));
      return;
    }

    isSubmitting.current = true;
    setIsSaving(true);
    setError(null);
    try {
      await createWorkout(input);
      dispatch({ type: 'reset', date: today });
      setSavedMessage('Workout saved.');
      await onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      isSubmitting.current = false;
      setIsSaving(false);
    }
  }

  const invalidFields = new Set(error?.details.map((detail) => normalizeFieldPath(detail.field)));

  return (
    <form
      className="card form workout-form"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="log-workout-title"
    >
      <h2 id="log-workout-title">Log a workout</h2>

      <div className="form-row">
        <TextField
          label="Date"
          type="date"
          name="date"
          value={draft.date}
          max={today}
          onChange={(event) => dispatch({ type: 'setDate', date: event.target.value })}
          isInvalid={invalidFields.has('date')}
          required
        />
      </div>

      {draft.exercises.map((exercise, index) => (
        <ExerciseFields
          key={exercise.key}
          exercise={exercise}
          index={index}
          invalidFields={invalidFields}
          nameListId={nameListId}
          dispatch={dispatch}
        />
      ))}
      {draft.exercises.length === 0 && <p className="muted">No exercises yet.</p>}

      <button
        type="button"
        className="button button-secondary button-block"
        onClick={() => dispatch({ type: 'addExercise' })}
        disabled={draft.exercises.length >= LIMITS.exercises}
      >
        + Add exercise
      </button>

      <div className="field">
        <label htmlFor="workout-notes">Notes</label>
        <textarea
          id="workout-notes"
          name="notes"
          rows={2}
          maxLength={LIMITS.notesLength}
          placeholder="Optional: how it felt, what to change next time"
          value={draft.notes}
          onChange={(event) => dispatch({ type: 'setNotes', notes: event.target.value })}
          aria-invalid={invalidFields.has('notes') || undefined}
        />
      </div>

      <datalist id={nameListId}>
        {knownExerciseNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>

      <ErrorAlert error={error} fieldLabels={describeWorkoutField} />
      {savedMessage && (
        <p role="status" className="alert alert-success">
          {savedMessage}
        </p>
      )}

      <button type="submit" className="button button-primary button-block" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Save workout'}
      </button>
    </form>
  );
}
