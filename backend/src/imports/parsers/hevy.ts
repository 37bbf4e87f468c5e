import type { CsvRecord } from '../csv';
import type { ImportEvent, ImportedSet, SetType, SourceFile, WeightUnit } from '../types';
import {
  createDateTimeReader,
  readNumber,
  toKilograms,
  toMeters,
  type DistanceUnit,
} from '../values';
import { readOptionalAmount, readReps, readRpe } from './sets';
import {
  Columns,
  RowError,
  assembleWorkouts,
  cell,
  checkFieldCount,
  readRecords,
  type WorkoutRow,
} from './shared';

/*
 * Hevy's CSV export, one row per set: `title,start_time,end_time,description,exercise_title,
 * superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe`.
 * Imperial accounts get `weight_lbs` and `distance_miles` instead. Times look like
 * `15 Sep 2025, 07:48`, with the month in the app's language. Notes escape line breaks as the two
 * characters `\n`; they are turned back into line breaks. `set_index` counts from 0 within an
 * exercise; `superset_id` is shared by the exercises of a superset.
 */

const SET_TYPES: Record<string, SetType> = {
  normal: 'normal',
  warmup: 'warmup',
  'warm-up': 'warmup',
  warm_up: 'warmup',
  dropset: 'drop',
  drop: 'drop',
  failure: 'failure',
};

type HevyColumns = ReturnType<typeof findColumns>;

function findColumns(header: string[], file: string) {
  const columns = new Columns(header);
  const required = columns.require(file, {
    title: ['title'],
    start_time: ['start_time'],
    exercise_title: ['exercise_title'],
  });
  const weightUnit: WeightUnit = columns.find('weight_kg') === undefined ? 'lb' : 'kg';
  const distanceUnit: DistanceUnit = columns.find('distance_km') === undefined ? 'mi' : 'km';

  return {
    count: header.length,
    title: required.title!,
    startTime: required.start_time!,
    endTime: columns.find('end_time'),
    description: columns.find('description'),
    exerciseTitle: required.exercise_title!,
    supersetId: columns.find('superset_id'),
    exerciseNotes: columns.find('exercise_notes'),
    setIndex: columns.find('set_index'),
    setType: columns.find('set_type'),
    weight: columns.find('weight_kg', 'weight_lbs', 'weight_lb'),
    weightUnit,
    reps: columns.find('reps'),
    distance: columns.find('distance_km', 'distance_miles', 'distance_mi'),
    distanceUnit,
    duration: columns.find('duration_seconds'),
    rpe: columns.find('rpe'),
  };
}

/** Reads a Hevy CSV export. Throws ImportFileError for a file that cannot be used at all. */
export async function* parseHevy(file: SourceFile, delimiter: string): AsyncGenerator<ImportEvent> {
  const records = readRecords(file, delimiter);
  const header = await records.next();
  if (header.done) {
    return;
  }
  const reader = new HevyRowReader(findColumns(header.value.fields, file.path));
  yield* assembleWorkouts(file, records, reader);
}

/** Hevy writes a line break inside a note as backslash and n. */
function unescapeNote(text: string): string {
  return text.replaceAll('\\n', '\n').trim();
}

class HevyRowReader {
  private warnings: string[] = [];
  private previous: { workoutKey: string; exerciseName: string; index: number } | undefined;
  private lastBadEndAt: string | undefined;
  private readonly readStart = createDateTimeReader();
  private readonly readEndTime = createDateTimeReader();

  constructor(private readonly columns: HevyColumns) {}

  takeWarnings(): string[] {
    const warnings = this.warnings;
    this.warnings = [];
    return warnings;
  }

  read(record: CsvRecord): WorkoutRow {
    const columns = this.columns;
    checkFieldCount(record, columns.count);

    const startText = cell(record, columns.startTime);
    const started = this.readStart(startText);
    if (!started) {
      throw new RowError(`Unreadable start time "${startText}".`);
    }
    const title = cell(record, columns.title).trim();
    const exerciseName = cell(record, columns.exerciseTitle).trim();
    if (exerciseName === '') {
      throw new RowError('The exercise title is empty.');
    }
    const workoutKey = `${started.dateTime}|${title}`;
    const setIndex = this.readSetIndex(record);
    const supersetId = cell(record, columns.supersetId).trim();

    return {
      workoutKey,
      date: started.date,
      startedAt: started.dateTime,
      endedAt: this.readEnd(record, started.dateTime),
      workoutName: title,
      workoutNotes: unescapeNote(cell(record, columns.description)),
      exerciseName,
      supersetId: supersetId === '' ? null : supersetId,
      exerciseNotes: unescapeNote(cell(record, columns.exerciseNotes)),
      isNewExerciseRun: this.isNewRun(workoutKey, exerciseName, setIndex),
      set: this.readSet(record),
    };
  }

  private readSetIndex(record: CsvRecord): number | null {
    const text = cell(record, this.columns.setIndex);
    const index = readNumber(text);
    if (index === undefined || (index !== null && (!Number.isInteger(index) || index < 0))) {
      throw new RowError(`Unreadable set index "${text}".`);
    }
    return index;
  }

  /** A set index that is not after the previous one starts the exercise over. */
  private isNewRun(workoutKey: string, exerciseName: string, index: number | null): boolean {
    const previous = this.previous;
    const isContinuing =
      previous?.workoutKey === workoutKey && previous.exerciseName === exerciseName;
    this.previous = { workoutKey, exerciseName, index: index ?? (previous?.index ?? -1) + 1 };

    return isContinuing && index !== null && index <= previous.index;
  }

  private readEnd(record: CsvRecord, startedAt: string): string | null {
    const text = cell(record, this.columns.endTime);
    if (text.trim() === '') {
      return null;
    }
    const ended = this.readEndTime(text);
    if (!ended || ended.dateTime < startedAt) {
      if (this.lastBadEndAt !== startedAt) {
        this.lastBadEndAt = startedAt;
        this.warnings.push(`Unusable end time "${text}": the workout has no end time.`);
      }
      return null;
    }
    return ended.dateTime;
  }

  private readSet(record: CsvRecord): ImportedSet {
    const columns = this.columns;
    const typeText = cell(record, columns.setType).trim().toLowerCase();
    const type = typeText === '' ? 'normal' : SET_TYPES[typeText];
    if (!type) {
      throw new RowError(`Unknown set type "${typeText}".`);
    }
    const weight = readOptionalAmount(cell(record, columns.weight), 'weight');
    const distance = readOptionalAmount(cell(record, columns.distance), 'distance');
    const duration = readOptionalAmount(cell(record, columns.duration), 'duration');
    const rpe = readRpe(cell(record, columns.rpe));
    if (rpe.warning) {
      this.warnings.push(rpe.warning);
    }

    return {
      type,
      reps: readReps(cell(record, columns.reps)),
      weightKg: weight === null ? null : toKilograms(weight, columns.weightUnit),
      weightUnit: weight === null ? null : columns.weightUnit,
      rpe: rpe.value,
      // Hevy writes 0 seconds for sets that were not timed.
      durationSeconds: duration ? Math.round(duration) : null,
      distanceMeters: distance ? toMeters(distance, columns.distanceUnit) : null,
    };
  }
}
