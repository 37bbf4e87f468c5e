'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PlateCalculator } from '@/features/gym-tools/PlateCalculator';
import { RestTimerBar } from '@/features/gym-tools/RestTimerBar';
import { useGymSettings } from '@/features/gym-tools/useGymSettings';
import { useRestTimer } from '@/features/gym-tools/useRestTimer';
import { ApiError, toApiError } from '@/lib/errors';
import {
  finishWorkout,
  problemsAsError,
  type ActiveWorkout,
  type FinishCheck,
} from './activeWorkout';
import { createWorkout } from './api';
import { locateApiField } from './entryDraft';
import { ExerciseList } from './ExerciseList';
import { formatDuration } from './numbers';
import type { WeightUnit } from './types';
import { useActiveWorkout } from './useActiveWorkout';
import { useElapsed } from './useElapsed';
import { useUnit } from './useUnit';

/** The workout in progress: exercises, sets, last time's values, rest timer, plates; then finish. */
export function WorkoutLogger() {
  const { workout, dispatch, start, clear } = useActiveWorkout();

  if (!workout) {
    return (
      <EmptyState title="No workout in progress">
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => start()}>
            Start empty workout
          </button>
          <Link href="/workouts/routines" className="button button-secondary">
            Start from a routine
          </Link>
        </div>
      </EmptyState>
    );
  }

  return <Logger workout={workout} dispatch={dispatch} onDone={clear} />;
}

type LoggerProps = {
  workout: ActiveWorkout;
  dispatch: ReturnType<typeof useActiveWorkout>['dispatch'];
  onDone: () => void;
};

function Logger({ workout, dispatch, onDone }: LoggerProps) {
  const unit = useUnit();
  const router = useRouter();
  const { settings } = useGymSettings();
  const timer = useRestTimer();
  const elapsed = useElapsed(workout.startedAt);
  const [showPlates, setShowPlates] = useState(false);
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [invalidKeys, setInvalidKeys] = useState<ReadonlySet<string>>(new Set());
  const [isSaving, setIsSaving] = useState(false);
  // A ref, not state: a fast double tap fires twice before the re-render disables the button.
  const isSubmitting = useRef(false);

  async function handleFinish() {
    if (isSubmitting.current) {
      return;
    }
    const check = finishWorkout(workout, unit, new Date());
    if (!check.input) {
      setError(problemsAsError(check.problems));
      setInvalidKeys(new Set(check.problems.map((problem) => problem.key)));
      return;
    }

    isSubmitting.current = true;
    setIsSaving(true);
    setError(null);
    setInvalidKeys(new Set());
    try {
      const saved = await createWorkout(check.input);
      onDone();
      router.push(`/workouts/${saved.id}?saved=1`);
    } catch (caught) {
      const { error: labelled, keys } = explainApiError(toApiError(caught), check, workout, unit);
      setError(labelled);
      setInvalidKeys(keys);
    } finally {
      isSubmitting.current = false;
      setIsSaving(false);
    }
  }

  function handleDiscard() {
    onDone();
    router.push('/workouts');
  }

  return (
    <div className="logger">
      <header className="logger-header">
        <div>
          <h1>{workout.routineName ?? 'Workout'}</h1>
          <p className="muted" aria-label="Time since start">
            {formatDuration(elapsed)}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={showPlates}
            onClick={() => setShowPlates(!showPlates)}
          >
            Plates
          </button>
          <button
            type="button"
            className="button button-ghost button-small button-danger-text"
            onClick={() => setIsConfirmingDiscard(true)}
          >
            Discard
          </button>
        </div>
      </header>
      {isConfirmingDiscard && (
        <ConfirmInline
          question="Discard this workout? Nothing of it will be saved."
          confirmLabel="Yes, discard"
          isPending={false}
          onConfirm={handleDiscard}
          onCancel={() => setIsConfirmingDiscard(false)}
        />
      )}
      {showPlates && <PlateCalculator unit={unit} />}

      <ExerciseList
        exercises={workout.exercises}
        unit={unit}
        mode="log"
        invalidKeys={invalidKeys}
        dispatch={dispatch}
        onSetDone={() => timer.start(settings.restSeconds)}
      />

      <div className="field">
        <label htmlFor="workout-notes">Notes</label>
        <textarea
          id="workout-notes"
          rows={2}
          maxLength={2000}
          placeholder="Optional: how it felt, what to change next time"
          value={workout.notes}
          onChange={(event) => dispatch({ type: 'setNotes', notes: event.target.value })}
        />
      </div>

      <ErrorAlert error={error} title="The workout is not saved yet." />
      <button
        type="button"
        className="button button-primary button-block"
        onClick={() => void handleFinish()}
        disabled={isSaving}
      >
        {isSaving ? 'Saving…' : 'Finish workout'}
      </button>

      {timer.isRunning && (
        <RestTimerBar remaining={timer.remaining} onAdjust={timer.adjust} onStop={timer.stop} />
      )}
    </div>
  );
}

/** Names the inputs behind the fields an API error lists, in the words the user sees. */
function explainApiError(
  error: ApiError,
  check: FinishCheck,
  workout: ActiveWorkout,
  unit: WeightUnit,
): { error: ApiError; keys: Set<string> } {
  const keys = new Set<string>();
  const details = error.details.map((detail) => {
    const located = locateApiField(detail.field, check.places, workout.exercises, unit);
    if (!located) {
      return detail;
    }
    keys.add(located.key);
    return { field: located.label, message: detail.message };
  });

  return {
    error: new ApiError({
      code: error.code,
      message: error.message,
      status: error.status,
      details,
      requestId: error.requestId,
    }),
    keys,
  };
}
