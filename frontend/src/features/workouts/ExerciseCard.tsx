'use client';

import Link from 'next/link';

import { describeSet } from './describe';
import {
  LIMITS,
  SET_FIELDS_BY_KIND,
  type EntriesAction,
  type ExerciseDraft,
  type SetField,
} from './entryDraft';
import { distanceUnitFor } from './numbers';
import { SetRow } from './SetRow';
import type { WeightUnit } from './types';
import { useLastTime } from './useLastTime';

type ExerciseCardProps = {
  exercise: ExerciseDraft;
  index: number;
  count: number;
  unit: WeightUnit;
  /** Logging a workout (last time, done ticks) or planning a routine (targets). */
  mode: 'log' | 'plan';
  invalidKeys: ReadonlySet<string>;
  dispatch: (action: EntriesAction) => void;
  onSetDone?: () => void;
};

function columnTitle(field: SetField, unit: WeightUnit): string {
  const titles: Record<SetField, string> = {
    weight: unit,
    reps: 'Reps',
    rpe: 'RPE',
    duration: 'Time',
    distance: distanceUnitFor(unit),
  };
  return titles[field];
}

/** One exercise of a workout or routine: its sets, its place in the order and in supersets. */
export function ExerciseCard({
  exercise,
  index,
  count,
  unit,
  mode,
  invalidKeys,
  dispatch,
  onSetDone,
}: ExerciseCardProps) {
  const number = index + 1;
  const exerciseKey = exercise.key;
  const isLogging = mode === 'log';
  const fields = SET_FIELDS_BY_KIND[exercise.kind];

  return (
    <section
      className={exercise.supersetGroup === null ? 'exercise' : 'exercise is-superset'}
      aria-labelledby={`${exerciseKey}-title`}
    >
      <div className="exercise-header">
        <h3 id={`${exerciseKey}-title`} className="exercise-title">
          <span className="visually-hidden">Exercise {number}: </span>
          <Link href={`/workouts/exercises/${exercise.exerciseId}`}>{exercise.name}</Link>
        </h3>
        {exercise.supersetGroup !== null && (
          <span className="badge">Superset {String.fromCharCode(64 + exercise.supersetGroup)}</span>
        )}
      </div>
      {isLogging && <LastTime exercise={exercise} unit={unit} />}

      <div className="set-grid-header" aria-hidden="true">
        <span className="set-col-type">Set</span>
        {fields.map((field) => (
          <span key={field} className={field === 'rpe' ? 'set-col-rpe' : 'set-col-value'}>
            {columnTitle(field, unit)}
          </span>
        ))}
        {isLogging && <span className="set-col-button">✓</span>}
        <span className="set-col-button" />
      </div>
      <ol className="set-list" aria-label={`Sets of exercise ${number}`}>
        {exercise.sets.map((set, setIndex) => (
          <SetRowWithPrevious
            key={set.key}
            exercise={exercise}
            exerciseNumber={number}
            setIndex={setIndex}
            unit={unit}
            isLogging={isLogging}
            invalidKeys={invalidKeys}
            dispatch={dispatch}
            onDone={onSetDone}
          />
        ))}
      </ol>
      {invalidKeys.has(exerciseKey) && (
        <p className="field-error">Log at least one set, or remove the exercise.</p>
      )}

      <div className="button-row exercise-actions">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`Add set to exercise ${number}`}
          onClick={() => dispatch({ type: 'addSet', exerciseKey })}
          disabled={exercise.sets.length >= LIMITS.setsPerExercise}
        >
          + Add set
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label={`Move exercise ${number} up`}
          disabled={index === 0}
          onClick={() => dispatch({ type: 'moveExercise', exerciseKey, by: -1 })}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label={`Move exercise ${number} down`}
          disabled={index === count - 1}
          onClick={() => dispatch({ type: 'moveExercise', exerciseKey, by: 1 })}
        >
          ↓
        </button>
        {(exercise.supersetGroup !== null || index < count - 1) && (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => dispatch({ type: 'toggleSuperset', exerciseKey })}
          >
            {exercise.supersetGroup === null
              ? `Superset with exercise ${number + 1}`
              : 'Leave superset'}
          </button>
        )}
        <button
          type="button"
          className="button button-ghost button-small button-danger-text"
          aria-label={`Remove exercise ${number}`}
          onClick={() => dispatch({ type: 'removeExercise', exerciseKey })}
        >
          Remove
        </button>
      </div>
    </section>
  );
}

type SetRowWithPreviousProps = Omit<
  Parameters<typeof SetRow>[0],
  'set' | 'setNumber' | 'previous'
> & {
  setIndex: number;
};

function SetRowWithPrevious({ setIndex, ...props }: SetRowWithPreviousProps) {
  const { lastTime } = useLastTime(props.exercise.exerciseId);
  const set = props.exercise.sets[setIndex];
  if (!set) {
    return null;
  }

  return (
    <SetRow
      {...props}
      set={set}
      setNumber={setIndex + 1}
      previous={props.isLogging ? lastTime?.sets[setIndex] : undefined}
    />
  );
}

function LastTime({ exercise, unit }: { exercise: ExerciseDraft; unit: WeightUnit }) {
  const { lastTime, isLoading } = useLastTime(exercise.exerciseId);
  if (isLoading) {
    return null;
  }
  if (!lastTime) {
    return <p className="muted last-time">First time: every set you log is a record.</p>;
  }

  return (
    <p className="muted last-time">
      <span className="last-time-label">Last time ({lastTime.date}):</span>{' '}
      {lastTime.sets.map((set) => describeSet(set, exercise.kind, unit)).join(', ')}
    </p>
  );
}
