'use client';

import useSWR from 'swr';

import { humanize } from '@/features/workouts/describe';
import type { ApiError } from '@/lib/errors';
import {
  EXERCISE_OPTIONS_PATH,
  type ExerciseFilters as Filters,
  type ExerciseOptions,
} from './api';

type ExerciseFiltersProps = { filters: Filters; onChange: (filters: Filters) => void };

/** Search by name, and filter by primary muscle and equipment. */
export function ExerciseFilters({ filters, onChange }: ExerciseFiltersProps) {
  const { data: options } = useSWR<ExerciseOptions, ApiError>(EXERCISE_OPTIONS_PATH);

  return (
    <div className="filters" role="search">
      <div className="field">
        <label htmlFor="exercise-search">Search exercises</label>
        <input
          id="exercise-search"
          type="search"
          autoComplete="off"
          placeholder="e.g. bench, squat, curl"
          value={filters.q ?? ''}
          onChange={(event) => onChange({ ...filters, q: event.target.value })}
        />
      </div>
      <div className="filters-row">
        <div className="field">
          <label htmlFor="exercise-muscle">Muscle</label>
          <select
            id="exercise-muscle"
            value={filters.muscle ?? ''}
            onChange={(event) => onChange({ ...filters, muscle: event.target.value })}
          >
            <option value="">Any muscle</option>
            {options?.muscles.map((muscle) => (
              <option key={muscle} value={muscle}>
                {humanize(muscle)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="exercise-equipment">Equipment</label>
          <select
            id="exercise-equipment"
            value={filters.equipment ?? ''}
            onChange={(event) => onChange({ ...filters, equipment: event.target.value })}
          >
            <option value="">Any equipment</option>
            {options?.equipment.map((equipment) => (
              <option key={equipment} value={equipment}>
                {humanize(equipment)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
