type DayNavigatorProps = {
  date: string;
  today: string;
  onPrevious: () => void;
  onNext: () => void;
  onToday: () => void;
};

/** Previous/next day buttons; the future is out of reach, since it cannot be checked off yet. */
export function DayNavigator({ date, today, onPrevious, onNext, onToday }: DayNavigatorProps) {
  const isToday = date === today;

  return (
    <nav className="day-nav" aria-label="Choose day">
      <button type="button" className="button button-secondary" onClick={onPrevious}>
        <span aria-hidden="true">←</span> Previous day
      </button>
      {!isToday && (
        <button type="button" className="button button-ghost" onClick={onToday}>
          Go to today
        </button>
      )}
      <button type="button" className="button button-secondary" onClick={onNext} disabled={isToday}>
        Next day <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
