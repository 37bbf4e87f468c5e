import type { Dispatch } from 'react';

import { LIMITS } from './workoutDraft';
import type { DraftAction, ExerciseDraft } from './workoutDraft';

type ExerciseFieldsProps = {
  exercise: ExerciseDraft;
  index: number;
  invalidFields: Set<string>;
  nameListId: string;
  dispatch: Dispatch<DraftAction>;
};

/** One exercise of the workout form: its name and its sets of reps × weight. */
export function ExerciseFields({
  exercise,
  index,
  invalidFields,
  nameListId,
  dispatch,
}: ExerciseFieldsProps) {
  const number = index + 1;
  const path = `exercises[${index}]`;
  const exerciseKey = exercise.key;

  return (
    <div className="exercise" role="group" aria-labelledby={`${exerciseKey}-title`}>
      <div className="exercise-header">
        <h3 id={`${exerciseKey}-title`} className="exercise-title">
          Exercise {number}
        </h3>
        <button
          type="button"
          className="button button-ghost button-small button-danger-text"
          aria-label={`Remove exercise ${number}`}
          onClick={() => dispatch({ type: 'removeExercise', exerciseKey })}
        >
          Remove
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${exerciseKey}-name`}>
          <span className="visually-hidden">Exercise {number} </span>Name
        </label>
        <input
          id={`${exerciseKey}-name`}
          placeholder="e.g. Back squat"
          list={nameListId}
          autoComplete="off"
          maxLength={LIMITS.nameLength}
          value={exercise.name}
          aria-invalid={invalidFields.has(`${path}.name`) || undefined}
          onChange={(event) =>
            dispatch({ type: 'setExerciseName', exerciseKey, name: event.target.value })
          }
        />
      </div>

      <table className="sets">
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Reps</th>
            <th scope="col">Weight (kg)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {exercise.sets.map((set, setIndex) => {
            const setNumber = setIndex + 1;
            const setPath = `${path}.sets[${setIndex}]`;
            const setKey = set.key;
            return (
              <tr key={setKey}>
                <td className="sets-number">{setNumber}</td>
                <td>
                  <input
                    aria-label={`Exercise ${number} set ${setNumber} reps`}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="0"
                    value={set.reps}
                    aria-invalid={invalidFields.has(`${setPath}.reps`) || undefined}
                    onChange={(event) =>
                      dispatch({
                        type: 'setSetField',
                        exerciseKey,
                        setKey,
                        field: 'reps',
                        value: event.target.value,
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Exercise ${number} set ${setNumber} weight (kg)`}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="0"
                    value={set.weight}
                    aria-invalid={invalidFields.has(`${setPath}.weight`) || undefined}
                    onChange={(event) =>
                      dispatch({
                        type: 'setSetField',
                        exerciseKey,
                        setKey,
                        field: 'weight',
                        value: event.target.value,
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-ghost button-icon"
                    aria-label={`Remove set ${setNumber} of exercise ${number}`}
                    onClick={() => dispatch({ type: 'removeSet', exerciseKey, setKey })}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={`Add set to exercise ${number}`}
        onClick={() => dispatch({ type: 'addSet', exerciseKey })}
        disabled={exercise.sets.length >= LIMITS.setsPerExercise}
      >
        + Add set
      </button>
    </div>
  );
}
