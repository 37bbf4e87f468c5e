'use client';

import { useEffect, useRef } from 'react';

import { addDays, formatShortDate } from '@/lib/dates';
import { formatNumber } from './format';
import type { HabitHistory, HistoryDay } from './types';

type HeatMapProps = {
  history: HabitHistory;
  color?: string;
  selected: string | null;
  onSelect: (date: string) => void;
};

/**
 * A year of days as a grid: one column per week (from the user's week start), one row per day,
 * shaded by how much of the day's target was met. Each day is a button that selects it.
 */
export function HeatMap({ history, color, selected, onSelect }: HeatMapProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const byDate = new Map(history.days.map((day) => [day.date, day]));

  // On a narrow screen the latest weeks matter most: start scrolled to them.
  useEffect(() => {
    const grid = gridRef.current;
    if (grid) {
      grid.scrollLeft = grid.scrollWidth;
    }
  }, [history.to]);

  const weeks: string[][] = [];
  for (let start = history.from; start <= history.to; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(start, index)));
  }

  return (
    <div ref={gridRef} className="heat-map" role="grid" aria-label="Days of the last year">
      {weeks.map((week) => (
        <div key={week[0]} role="row" className="heat-map-week">
          {week.map((date) =>
            date > history.to ? (
              <span key={date} role="gridcell" className="heat-cell is-future" />
            ) : (
              <span key={date} role="gridcell">
                <button
                  type="button"
                  className={`heat-cell level-${levelOf(byDate.get(date))}`}
                  style={color ? { ['--habit-color' as string]: color } : undefined}
                  aria-label={`${formatShortDate(date, history.to)}: ${describe(byDate.get(date))}`}
                  aria-pressed={date === selected}
                  data-date={date}
                  onClick={() => onSelect(date)}
                />
              </span>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

function levelOf(day: HistoryDay | undefined): string {
  if (!day || day.status === 'none') {
    return '0';
  }
  if (day.status === 'skipped') {
    return 'skip';
  }
  return String(Math.max(1, Math.ceil(day.credit * 4)));
}

function describe(day: HistoryDay | undefined): string {
  if (!day) {
    return 'nothing recorded';
  }
  if (day.status === 'skipped') {
    return 'skipped';
  }
  if (day.status === 'none') {
    return 'a note only';
  }
  return day.value === null ? 'done' : `${formatNumber(day.value)} recorded`;
}
