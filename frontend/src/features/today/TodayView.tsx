'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { addDays, describeRelativeDay, formatLongDate, isLocalDate } from '@/lib/dates';
import { useLocalToday } from '@/lib/useLocalToday';
import { DayNavigator } from './DayNavigator';
import { HabitCheck } from './HabitCheck';
import { useDayChecklist } from './useDayChecklist';

/** The Today page: check off habits for one day, moving a day back or forward. */
export function TodayView() {
  // useSearchParams suspends while the URL is not known (during prerendering).
  return (
    <Suspense fallback={<Loading />}>
      <DayChecklist />
    </Suspense>
  );
}

function DayChecklist() {
  const today = useLocalToday();
  const date = useSelectedDate(today);
  const router = useRouter();
  const pathname = usePathname();
  const { habits, error, isLoading, failure, toggle, reload } = useDayChecklist(date);

  function handleSelectDate(nextDate: string) {
    const query = nextDate === today ? '' : `?date=${nextDate}`;
    router.replace(`${pathname}${query}`, { scroll: false });
  }

  const doneCount = habits.filter((habit) => habit.isDone).length;
  const relativeDay = describeRelativeDay(date, today);
  const longDate = formatLongDate(date, today);

  return (
    <section className="page" aria-labelledby="day-title">
      <header className="page-header">
        <h1 id="day-title">{relativeDay ?? longDate}</h1>
        {relativeDay && <p className="page-subtitle">{longDate}</p>}
      </header>

      <DayNavigator
        date={date}
        today={today}
        onPrevious={() => handleSelectDate(addDays(date, -1))}
        onNext={() => handleSelectDate(addDays(date, 1))}
        onToday={() => handleSelectDate(today)}
      />

      {failure && (
        <ErrorAlert error={failure.error} title={`Could not update “${failure.habitName}”.`} />
      )}
      <ErrorAlert error={error} onRetry={reload} />
      {isLoading && <Loading label="Loading habits…" />}

      {!isLoading && !error && habits.length === 0 && (
        <EmptyState title="No habits to check off">
          <p>
            <Link href="/habits">Add a habit</Link> and it will show up here every day.
          </p>
        </EmptyState>
      )}

      {habits.length > 0 && (
        <>
          <Progress done={doneCount} total={habits.length} />
          <ul className="check-list" aria-label="Habits for this day">
            {habits.map((habit) => (
              <HabitCheck
                key={habit.id}
                habit={habit}
                isDone={habit.isDone}
                isPending={habit.isPending}
                onToggle={(isDone) => void toggle(habit, isDone)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  const percent = Math.round((done / total) * 100);

  return (
    <div className="progress">
      <p className="progress-label">
        {done === total ? 'All done. Nice work!' : `${done} of ${total} done`}
      </p>
      <div className="progress-track" aria-hidden="true">
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

// The day comes from ?date= so that it survives a reload; a missing, malformed or future day
// means today.
function useSelectedDate(today: string): string {
  const requested = useSearchParams().get('date');
  if (!requested || !isLocalDate(requested) || requested > today) {
    return today;
  }
  return requested;
}
