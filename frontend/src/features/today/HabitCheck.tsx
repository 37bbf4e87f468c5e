import type { TodayHabit } from './types';

type HabitCheckProps = {
  habit: TodayHabit;
  isDone: boolean;
  isPending: boolean;
  onToggle: (isDone: boolean) => void;
};

/** A yes/no habit as a large checkbox labelled with its name. */
export function HabitCheck({ habit, isDone, isPending, onToggle }: HabitCheckProps) {
  const inputId = `habit-check-${habit.id}`;
  const descriptionId = `${inputId}-description`;

  return (
    <li className={isDone ? 'check-item is-done' : 'check-item'}>
      <input
        id={inputId}
        type="checkbox"
        className="check-input"
        checked={isDone}
        // Not `disabled`: that would drop keyboard focus in the middle of a toggle.
        aria-disabled={isPending || undefined}
        aria-describedby={habit.description ? descriptionId : undefined}
        onChange={(event) => {
          if (!isPending) {
            onToggle(event.target.checked);
          }
        }}
      />
      <label htmlFor={inputId} className="check-label">
        <span
          className="check-box"
          aria-hidden="true"
          style={habit.color ? { borderColor: habit.color } : undefined}
        />
        <span className="check-name">{habit.name}</span>
      </label>
      {habit.description && (
        <p id={descriptionId} className="check-description">
          {habit.description}
        </p>
      )}
    </li>
  );
}
