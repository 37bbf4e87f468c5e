'use client';

import { useRouter } from 'next/navigation';
import { useReducer, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import useSWR from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { TextField } from '@/components/TextField';
import { problemsAsError } from '@/features/workouts/activeWorkout';
import { ExerciseList } from '@/features/workouts/ExerciseList';
import {
  checkEntries,
  entriesReducer,
  exerciseDraftFrom,
  locateApiField,
  type ExerciseDraft,
} from '@/features/workouts/entryDraft';
import type { Routine } from '@/features/workouts/types';
import { useUnit } from '@/features/workouts/useUnit';
import { ApiError, toApiError } from '@/lib/errors';
import { createRoutine, routinePath, updateRoutine } from './api';

/** Builds a new routine, or changes one (`routineId`). */
export function RoutineEditor({ routineId }: { routineId?: string }) {
  const { data: routine, error } = useSWR<Routine, ApiError>(
    routineId ? routinePath(routineId) : null,
  );

  if (routineId && !routine) {
    return error ? <ErrorAlert error={error} /> : <Loading label="Loading the routine…" />;
  }

  return <Editor key={routine?.id ?? 'new'} routine={routine} />;
}

function Editor({ routine }: { routine: Routine | undefined }) {
  const unit = useUnit();
  const router = useRouter();
  const [name, setName] = useState(routine?.name ?? '');
  const [notes, setNotes] = useState(routine?.notes ?? '');
  const [exercises, dispatch] = useReducer(
    entriesReducer,
    routine,
    (initial): ExerciseDraft[] =>
      initial?.exercises.map((entry) => exerciseDraftFrom(entry, initial.unit)) ?? [],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [invalidKeys, setInvalidKeys] = useState<ReadonlySet<string>>(new Set());
  const isSubmitting = useRef(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting.current) {
      return;
    }
    const { entries, places, problems } = checkEntries(exercises, unit, { dropBlankSets: false });
    if (!name.trim()) {
      problems.unshift({ key: 'name', label: 'Routine name', message: 'Name the routine.' });
    }
    if (exercises.length === 0) {
      problems.push({
        key: 'exercises',
        label: 'Exercises',
        message: 'Add at least one exercise.',
      });
    }
    setInvalidKeys(new Set(problems.map((problem) => problem.key)));
    if (problems.length > 0) {
      setError(problemsAsError(problems));
      return;
    }

    isSubmitting.current = true;
    setError(null);
    const input = { name: name.trim(), notes: notes.trim(), unit, exercises: entries };
    try {
      await (routine ? updateRoutine(routine.id, input) : createRoutine(input));
      router.push('/workouts/routines');
    } catch (caught) {
      const apiError = toApiError(caught);
      const details = apiError.details.map((detail) => {
        const located = locateApiField(detail.field, places, exercises, unit);
        return located ? { field: located.label, message: detail.message } : detail;
      });
      setError(new ApiError({ code: apiError.code, message: apiError.message, details }));
    } finally {
      isSubmitting.current = false;
    }
  }

  return (
    <form className="page form" onSubmit={handleSubmit} noValidate aria-labelledby="routine-title">
      <header className="page-header">
        <h1 id="routine-title">{routine ? 'Edit routine' : 'New routine'}</h1>
        <p className="page-subtitle">
          Targets may stay blank; a workout started from the routine fills them in.
        </p>
      </header>
      <TextField
        label="Routine name"
        value={name}
        maxLength={100}
        isInvalid={invalidKeys.has('name')}
        onChange={(event) => setName(event.target.value)}
      />

      <ExerciseList
        exercises={exercises}
        unit={unit}
        mode="plan"
        invalidKeys={invalidKeys}
        dispatch={dispatch}
      />

      <div className="field">
        <label htmlFor="routine-notes">Notes</label>
        <textarea
          id="routine-notes"
          rows={2}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <ErrorAlert error={error} title="The routine is not saved yet." />
      <button type="submit" className="button button-primary button-block">
        Save routine
      </button>
    </form>
  );
}
