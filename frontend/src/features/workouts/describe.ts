// How gym values read on screen. Pure.
import {
  distanceUnitFor,
  formatDistance,
  formatDuration,
  formatNumber,
  formatWeight,
} from './numbers';
import type { ExerciseKind, RecordType, WeightUnit, WorkoutSet } from './types';

export const RECORD_LABELS: Record<RecordType, string> = {
  heaviestWeight: 'Heaviest weight',
  bestOneRepMax: 'Best estimated 1RM',
  bestSetVolume: 'Best set volume',
  mostReps: 'Most reps',
  longestDuration: 'Longest time',
  longestDistance: 'Longest distance',
};

/** A record's value with its unit: "102.5 kg", "12 reps", "1:30", "5 km". */
export function describeRecordValue(type: RecordType, value: number, unit: WeightUnit): string {
  switch (type) {
    case 'heaviestWeight':
    case 'bestOneRepMax':
    case 'bestSetVolume':
      return formatWeight(value, unit);
    case 'mostReps':
      return `${value} reps`;
    case 'longestDuration':
      return formatDuration(value);
    case 'longestDistance':
      return formatDistance(value, distanceUnitFor(unit));
  }
}

const TYPE_MARKS = { warmup: 'W · ', drop: 'D · ', failure: 'F · ', normal: '' } as const;

/** One set as a chip reads: "5 × 100 kg @8", "12 reps", "5 × +10 kg", "5 km in 25:00". */
export function describeSet(set: WorkoutSet, kind: ExerciseKind, unit: WeightUnit): string {
  const reps = set.reps ?? 0;
  const weight = set.weight ?? 0;
  const rpe = set.rpe === null ? '' : ` @${formatNumber(set.rpe)}`;
  let text: string;
  switch (kind) {
    case 'weight_reps':
      text = `${reps} × ${formatWeight(weight, unit)}`;
      break;
    case 'weighted_bodyweight':
      text = weight > 0 ? `${reps} × +${formatWeight(weight, unit)}` : `${reps} reps`;
      break;
    case 'assisted_bodyweight':
      text = weight > 0 ? `${reps} × −${formatWeight(weight, unit)}` : `${reps} reps`;
      break;
    case 'bodyweight_reps':
      text = `${reps} reps`;
      break;
    case 'duration':
      text =
        formatDuration(set.durationSeconds ?? 0) +
        (weight > 0 ? ` × ${formatWeight(weight, unit)}` : '');
      break;
    case 'distance_duration': {
      const distance = formatDistance(set.distanceMeters ?? 0, distanceUnitFor(unit));
      text = set.durationSeconds
        ? `${distance} in ${formatDuration(set.durationSeconds)}`
        : distance;
      break;
    }
  }

  return `${TYPE_MARKS[set.type]}${text}${rpe}`;
}

/** "1 h 05 min" or "48 min" between two instants; null without an end. */
export function describeDuration(startedAt: string, endedAt: string | null): string | null {
  if (!endedAt) {
    return null;
  }
  const minutes = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000));

  return minutes >= 60
    ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
    : `${minutes} min`;
}

/** "upper_back" → "Upper back". */
export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');

  return text.charAt(0).toUpperCase() + text.slice(1);
}
