import { formatShortDate } from '@/lib/dates';
import { formatPercent } from './format';
import type { RateBucket } from './types';

const MONTH_FORMAT = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

/** Completion rates as labelled bars, oldest first. */
export function RateBars({
  label,
  buckets,
  by,
}: {
  label: string;
  buckets: RateBucket[];
  by: 'week' | 'month';
}) {
  return (
    <ul className="rate-bars" aria-label={label}>
      {buckets.map((bucket) => (
        <li key={bucket.key} className="rate-bar">
          <span className="rate-bar-label">
            {by === 'week'
              ? `Week of ${formatShortDate(bucket.start)}`
              : MONTH_FORMAT.format(new Date(`${bucket.key}-15T12:00:00`))}
          </span>
          <span className="rate-bar-track" aria-hidden="true">
            <span
              className="rate-bar-fill"
              style={{ width: `${Math.round((bucket.rate ?? 0) * 100)}%` }}
            />
          </span>
          <span className="rate-bar-value">{formatPercent(bucket.rate)}</span>
        </li>
      ))}
    </ul>
  );
}
