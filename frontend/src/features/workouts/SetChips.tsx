import { describeSet } from './describe';
import type { WeightUnit, WorkoutExercise } from './types';

/** The sets of each exercise as chips, each list named "Sets of <exercise>". */
export function SetChips({ exercises, unit }: { exercises: WorkoutExercise[]; unit: WeightUnit }) {
  return (
    <ul className="exercise-summary">
      {exercises.map((exercise, index) => (
        <li key={`${index}:${exercise.exerciseId}`}>
          <span className="exercise-summary-name">
            {exercise.name}
            {exercise.supersetGroup !== null && (
              <span className="badge">
                Superset {String.fromCharCode(64 + exercise.supersetGroup)}
              </span>
            )}
          </span>
          <ol className="set-chips" aria-label={`Sets of ${exercise.name}`}>
            {exercise.sets.map((set, setIndex) => (
              <li key={setIndex} className="set-chip">
                {describeSet(set, exercise.kind, unit)}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
