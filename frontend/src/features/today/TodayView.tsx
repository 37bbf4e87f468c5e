'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect } from 'react';

import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { addDays, describeRelativeDay, formatLongDate, isLocalDate } from '@/lib/dates';
import { DayNavigator } from './DayNavigator';
import { HabitCheck } from './HabitCheck';
import { isDaySettled } from './settled';
import { useDayChecklist, type DayHabit } from './useDayChecklist';
import { ZoneNotice } from './ZoneNotice';
import '@/features/habits/habits.css';

/** The Today page: what is due first, then the rest; any past day can be recorded or undone. */
export function TodayView() {
  // useSearchParams suspends while the URL is not known (during prerendering).
  return (
    <Suspense fallback={<Loading />}>
      <DayChecklist />
    </Suspense>
  );
}

function DayChecklist() {
  const router = useRouter();
  const pathname = usePathname();
  const requested = useSearchParams().get('date');
  const date = requested && isLocalDate(requested) ? requested : undefined;
  const { day, today, timeZone, habits, error, isLoading, failure, record, reload } =
    useDayChecklist(date);

  function handleSelectDate(nextDate: string) {
    const query = nextDate === today ? '' : `?date=${nextDate}`;
    router.replace(`${pathname}${query}`, { scroll: false });
  }

  // "Today" is the user's, in the profile's zone, as the API says; the future cannot be recorded.
  useEffect(() => {
    if (date && today && date > today) {
      router.replace(pathname, { scroll: false });
    }
  }, [date, today, pathname, router]);

  const due = habits.filter((habit) => habit.due.isDue);
  const others = habits.filter((habit) => !habit.due.isDue);

  return (
    <section className="page" aria-labelledby="day-title">
      {day && today ? (
        <>
          <DayHeader day={day} today={today} />
          <DayNavigator
            date={day}
            today={today}
            onPrevious={() => handleSelectDate(addDays(day, -1))}
            onNext={() => handleSelectDate(addDays(day, 1))}
            onToday={() => handleSelectDate(today)}
          />
        </>
      ) : (
        <header className="page-header">
          <h1 id="day-title">Today</h1>
        </header>
      )}
      {timeZone && <ZoneNotice profileZone={timeZone} />}

      {failure && (
        <ErrorAlert error={failure.error} title={`Could not update “${failure.habitName}”.`} />
      )}
      <ErrorAlert error={error} onRetry={reload} />
      {isLoading && <Loading label="Loading habits…" />}

      {!isLoading && !error && habits.length === 0 && (
        <EmptyState title="No habits to check off">
          <p>
            <Link href="/habits">Add a habit</Link> and it will show up here.
          </p>
        </EmptyState>
      )}

      {day && due.length > 0 && (
        <>
          <Progress habits={due} day={day} />
          <HabitList label="Due this day" habits={due} onRecord={record} />
        </>
      )}
      {others.length > 0 && (
        <>
          <h2 className="section-title">Not due this day</h2>
          <HabitList label="Not due this day" habits={others} onRecord={record} />
        </>
      )}
    </section>
  );
}

function DayHeader({ day, today }: { day: string; today: string }) {
  const relativeDay = describeRelativeDay(day, today);
  const longDate = formatLongDate(day, today);

  return (
    <header className="page-header">
      <h1 id="day-title">{relativeDay ?? longDate}</h1>
      {relativeDay && <p className="page-subtitle">{longDate}</p>}
    </header>
  );
}

function HabitList({
  label,
  habits,
  onRecord,
}: {
  label: string;
  habits: DayHabit[];
  onRecord: ReturnType<typeof useDayChecklist>['record'];
}) {
  return (
    <ul className="check-list" aria-label={label}>
      {habits.map((habit) => (
        <HabitCheck
          key={habit.id}
          habit={habit}
          onRecord={(entry) => void onRecord(habit, entry)}
        />
      ))}
    </ul>
  );
}

function Progress({ habits, day }: { habits: DayHabit[]; day: string }) {
  const done = habits.filter((habit) => isDaySettled(habit, habit.entry, day)).length;
  const total = habits.length;
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
