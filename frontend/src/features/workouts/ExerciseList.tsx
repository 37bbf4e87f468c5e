'use client';

import { useState } from 'react';

import { ExercisePicker } from '@/features/exercises/ExercisePicker';
import type { EntriesAction, ExerciseDraft } from './entryDraft';
import { ExerciseCard } from './ExerciseCard';
import type { WeightUnit } from './types';

type ExerciseListProps = {
  exercises: ExerciseDraft[];
  unit: WeightUnit;
  mode: 'log' | 'plan';
  invalidKeys: ReadonlySet<string>;
  dispatch: (action: EntriesAction) => void;
  onSetDone?: () => void;
};

/** The exercises of a workout or routine, then the way to add one from the catalog. */
export function ExerciseList({ exercises, dispatch, ...cardProps }: ExerciseListProps) {
  // An empty list opens the picker at once: adding an exercise is the only thing to do.
  const [isPicking, setIsPicking] = useState(exercises.length === 0 && cardProps.mode === 'log');

  return (
    <>
      {exercises.map((exercise, index) => (
        <ExerciseCard
          key={exercise.key}
          exercise={exercise}
          index={index}
          count={exercises.length}
          dispatch={dispatch}
          {...cardProps}
        />
      ))}
      {isPicking ? (
        <ExercisePicker
          onPick={(exercise) => {
            dispatch({ type: 'addExercise', exercise });
            setIsPicking(false);
          }}
          onClose={() => setIsPicking(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={() => setIsPicking(true)}
        >
          + Add exercise
        </button>
      )}
    </>
  );
}
