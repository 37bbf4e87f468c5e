import { formatDuration } from '@/features/workouts/numbers';

type RestTimerBarProps = {
  remaining: number;
  onAdjust: (seconds: number) => void;
  onStop: () => void;
};

/** The running rest timer, pinned above the tab bar while logging. */
export function RestTimerBar({ remaining, onAdjust, onStop }: RestTimerBarProps) {
  const isOver = remaining === 0;

  return (
    <div className={isOver ? 'rest-bar is-over' : 'rest-bar'} role="timer" aria-label="Rest timer">
      <span className="rest-time" aria-live={isOver ? 'assertive' : 'off'}>
        {isOver ? 'Rest over' : `Rest ${formatDuration(remaining)}`}
      </span>
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          onClick={() => onAdjust(-15)}
          disabled={isOver}
        >
          −15 s
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => onAdjust(15)}
          disabled={isOver}
        >
          +15 s
        </button>
        <button type="button" className="button button-small button-primary" onClick={onStop}>
          {isOver ? 'Dismiss' : 'Skip'}
        </button>
      </div>
    </div>
  );
}
