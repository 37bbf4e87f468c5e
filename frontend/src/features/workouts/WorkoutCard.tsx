import Link from 'next/link';

import { formatLongDate } from '@/lib/dates';
import { describeDuration } from './describe';
import { formatWeight } from './numbers';
import { SetChips } from './SetChips';
import type { Workout } from './types';

/** A past workout in the list: its day, length, volume and every set; opens its summary. */
export function WorkoutCard({ workout }: { workout: Workout }) {
  const title = formatLongDate(workout.date);
  const duration = describeDuration(workout.startedAt, workout.endedAt);

  return (
    <li className="card workout-card">
      <article aria-label={`Workout on ${title}`}>
        <header className="workout-card-header">
          <div>
            <h3>
              <Link href={`/workouts/${workout.id}`}>{title}</Link>
            </h3>
            <p className="muted">
              {[duration, `${formatWeight(workout.volume, workout.unit)} lifted`]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </div>
        </header>
        {workout.notes && <p className="workout-notes">{workout.notes}</p>}
        <SetChips exercises={workout.exercises} unit={workout.unit} />
      </article>
    </li>
  );
}
