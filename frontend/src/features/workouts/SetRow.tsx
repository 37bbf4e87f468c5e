import type { EntriesAction, ExerciseDraft, SetDraft, SetField } from './entryDraft';
import { SET_FIELDS_BY_KIND, setFieldLabel } from './entryDraft';
import { formatDuration, formatNumber } from './numbers';
import type { SetType, WeightUnit, WorkoutSet } from './types';

const INPUT_MODES: Record<SetField, 'numeric' | 'decimal' | 'text'> = {
  reps: 'numeric',
  weight: 'decimal',
  rpe: 'decimal',
  duration: 'text',
  distance: 'decimal',
};

type SetRowProps = {
  exercise: ExerciseDraft;
  exerciseNumber: number;
  set: SetDraft;
  setNumber: number;
  unit: WeightUnit;
  isLogging: boolean;
  /** The set at the same place last time, shown as placeholders. */
  previous: WorkoutSet | undefined;
  invalidKeys: ReadonlySet<string>;
  dispatch: (action: EntriesAction) => void;
  onDone?: () => void;
};

function placeholderFor(field: SetField, previous: WorkoutSet | undefined): string {
  const value = {
    reps: previous?.reps,
    weight: previous?.weight,
    rpe: previous?.rpe,
    duration: previous?.durationSeconds,
    distance: null,
  }[field];
  if (value === null || value === undefined) {
    return field === 'duration' ? 'm:ss' : '';
  }

  return field === 'duration' ? formatDuration(value) : formatNumber(value);
}

/** One set: its type, the values its exercise's kind needs, and (while logging) a done tick. */
export function SetRow(props: SetRowProps) {
  const {
    exercise,
    exerciseNumber,
    set,
    setNumber,
    unit,
    isLogging,
    previous,
    invalidKeys,
    dispatch,
  } = props;
  const place = { exerciseKey: exercise.key, setKey: set.key };
  const name = `Exercise ${exerciseNumber} set ${setNumber}`;

  function handleDone() {
    dispatch({ type: 'toggleSetDone', ...place });
    if (!set.isDone) {
      props.onDone?.();
    }
  }

  return (
    <li className={set.isDone ? 'set-row is-done' : 'set-row'}>
      <select
        className="set-type"
        aria-label={`${name} type`}
        value={set.type}
        onChange={(event) =>
          dispatch({ type: 'setSetType', ...place, setType: event.target.value as SetType })
        }
      >
        <option value="normal">{setNumber}</option>
        <option value="warmup">W</option>
        <option value="drop">D</option>
        <option value="failure">F</option>
      </select>
      {SET_FIELDS_BY_KIND[exercise.kind].map((field) => (
        <input
          key={field}
          className={`set-input set-input-${field}`}
          aria-label={setFieldLabel(exerciseNumber, setNumber, field, unit)}
          inputMode={INPUT_MODES[field]}
          autoComplete="off"
          placeholder={placeholderFor(field, previous)}
          value={set[field]}
          aria-invalid={invalidKeys.has(`${set.key}.${field}`) || undefined}
          onChange={(event) =>
            dispatch({ type: 'setSetField', ...place, field, value: event.target.value })
          }
        />
      ))}
      {isLogging && (
        <label className="set-done">
          <input type="checkbox" checked={set.isDone} onChange={handleDone} />
          <span className="visually-hidden">{name} done</span>
          <span aria-hidden="true">✓</span>
        </label>
      )}
      <button
        type="button"
        className="button button-ghost button-icon set-remove"
        aria-label={`Remove set ${setNumber} of exercise ${exerciseNumber}`}
        onClick={() => dispatch({ type: 'removeSet', ...place })}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
