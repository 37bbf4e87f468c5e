import type { CsvRecord } from '../csv';
import type {
  ImportEvent,
  ImportOptions,
  ImportedSet,
  SetType,
  SourceFile,
  WeightUnit,
} from '../types';
import {
  addSeconds,
  readDistanceUnit,
  readDurationSeconds,
  createDateTimeReader,
  readNumber,
  readWeightUnit,
  toKilograms,
  toMeters,
  type DistanceUnit,
} from '../values';
import { readRpe, readReps, readOptionalAmount } from './sets';
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
 * Strong's CSV export, one row per set. Two dialects are known:
 * - comma-separated: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
 *   Seconds,Notes,Workout Notes,RPE`, the duration as text (`1h 3m`), weights and distances in
 *   the unit the app was set to, which the file does not say (the user tells us: ImportOptions);
 * - semicolon-separated, every field quoted: `"Workout #";"Date";"Workout Name";
 *   "Duration (sec)";...;"Weight (kg)";...;"Distance (meters)";...`, units in the header.
 * Older files have `Weight Unit` and `Distance Unit` columns instead. Columns are found by name,
 * so their order does not matter. `Set Order` is the set's number, or W, D or F for warm-up, drop
 * and failure sets; rest-timer rows are skipped.
 */

const WEIGHT_HEADERS: Record<string, WeightUnit | undefined> = {
  'weight (kg)': 'kg',
  'weight (kgs)': 'kg',
  'weight (lbs)': 'lb',
  'weight (lb)': 'lb',
  weight: undefined,
};

const DISTANCE_HEADERS: Record<string, DistanceUnit | undefined> = {
  'distance (meters)': 'm',
  'distance (m)': 'm',
  'distance (km)': 'km',
  'distance (miles)': 'mi',
  'distance (mi)': 'mi',
  distance: undefined,
};

const SET_ORDER_TYPES: Record<string, SetType> = { w: 'warmup', d: 'drop', f: 'failure' };

type StrongColumns = ReturnType<typeof findColumns>;

function findColumns(header: string[], file: string) {
  const columns = new Columns(header);
  const required = columns.require(file, {
    Date: ['date'],
    'Workout Name': ['workout name'],
    'Exercise Name': ['exercise name'],
    'Set Order': ['set order'],
  });
  const weightName = columns.findName(...Object.keys(WEIGHT_HEADERS));
  const distanceName = columns.findName(...Object.keys(DISTANCE_HEADERS));

  return {
    count: header.length,
    date: required.Date!,
    workoutName: required['Workout Name']!,
    exerciseName: required['Exercise Name']!,
    setOrder: required['Set Order']!,
    durationSeconds: columns.find('duration (sec)', 'duration (seconds)'),
    durationText: columns.find('duration', 'workout duration'),
    weight: weightName === undefined ? undefined : columns.find(weightName),
    weightHeaderUnit: weightName === undefined ? undefined : WEIGHT_HEADERS[weightName],
    weightUnit: columns.find('weight unit'),
    reps: columns.find('reps'),
    rpe: columns.find('rpe'),
    distance: distanceName === undefined ? undefined : columns.find(distanceName),
    distanceHeaderUnit: distanceName === undefined ? undefined : DISTANCE_HEADERS[distanceName],
    distanceUnit: columns.find('distance unit'),
    seconds: columns.find('seconds'),
    notes: columns.find('notes'),
    workoutNotes: columns.find('workout notes'),
  };
}

/** Reads a Strong CSV export. Throws ImportFileError for a file that cannot be used at all. */
export async function* parseStrong(
  file: SourceFile,
  delimiter: string,
  options: ImportOptions = {},
): AsyncGenerator<ImportEvent> {
  const records = readRecords(file, delimiter);
  const header = await records.next();
  if (header.done) {
    return;
  }
  const columns = findColumns(header.value.fields, file.path);
  const reader = new StrongRowReader(columns, options);
  yield* assembleWorkouts(file, records, reader);
}

class StrongRowReader {
  private warnings: string[] = [];
  private hasWarnedUnit = false;
  private lastBadDurationAt: string | undefined;
  private readonly readDate = createDateTimeReader();
  private previous: { workoutKey: string; exerciseName: string; order: number } | undefined;

  constructor(
    private readonly columns: StrongColumns,
    private readonly options: ImportOptions,
  ) {}

  takeWarnings(): string[] {
    const warnings = this.warnings;
    this.warnings = [];
    return warnings;
  }

  /** The row as a set of a workout, or null for a row that holds no set (a rest timer). */
  read(record: CsvRecord): WorkoutRow | null {
    const columns = this.columns;
    checkFieldCount(record, columns.count);

    const dateText = cell(record, columns.date);
    const started = this.readDate(dateText);
    if (!started) {
      throw new RowError(`Unreadable date "${dateText}".`);
    }
    const orderText = cell(record, columns.setOrder).trim().toLowerCase();
    if (orderText.startsWith('rest')) {
      return null;
    }
    const order = this.readOrder(orderText);
    const workoutName = cell(record, columns.workoutName).trim();
    const exerciseName = cell(record, columns.exerciseName).trim();
    if (exerciseName === '') {
      throw new RowError('The exercise name is empty.');
    }
    const workoutKey = `${started.dateTime}|${workoutName}`;
    const isNewExerciseRun = this.isNewRun(workoutKey, exerciseName, order.number);

    return {
      workoutKey,
      date: started.date,
      startedAt: started.dateTime,
      endedAt: this.readEnd(record, started.dateTime),
      workoutName,
      workoutNotes: cell(record, columns.workoutNotes).trim(),
      exerciseName,
      supersetId: null,
      exerciseNotes: cell(record, columns.notes),
      isNewExerciseRun,
      set: this.readSet(record, order.type),
    };
  }

  private readOrder(text: string): { type: SetType; number: number | null } {
    const type = SET_ORDER_TYPES[text.replace(/\d+$/, '')];
    if (type) {
      return { type, number: null };
    }
    const number = readNumber(text);
    if (number === null || number === undefined || !Number.isInteger(number)) {
      throw new RowError(`Unknown set order "${text}".`);
    }
    return { type: 'normal', number };
  }

  /** A numbered set that is not after the previous number starts the exercise over. */
  private isNewRun(workoutKey: string, exerciseName: string, order: number | null): boolean {
    const previous = this.previous;
    const isContinuing =
      previous?.workoutKey === workoutKey && previous.exerciseName === exerciseName;
    const isNew = isContinuing && order !== null && order <= previous.order;
    if (order !== null || !isContinuing) {
      this.previous = { workoutKey, exerciseName, order: order ?? 0 };
    }
    return isNew;
  }

  private readEnd(record: CsvRecord, startedAt: string): string | null {
    const columns = this.columns;
    const text = cell(record, columns.durationSeconds ?? columns.durationText);
    const seconds = readDurationSeconds(text);
    if (seconds === undefined) {
      // Every row of a workout repeats its duration: say it once per workout.
      if (this.lastBadDurationAt !== startedAt) {
        this.lastBadDurationAt = startedAt;
        this.warnings.push(`Unreadable workout duration "${text}": the workout has no end time.`);
      }
      return null;
    }
    return seconds ? addSeconds(startedAt, seconds) : null;
  }

  private readSet(record: CsvRecord, type: SetType): ImportedSet {
    const columns = this.columns;
    const weight = readOptionalAmount(cell(record, columns.weight), 'weight');
    const weightUnit = weight === null ? null : this.readWeightUnitOf(record);
    const distance = readOptionalAmount(cell(record, columns.distance), 'distance');
    const seconds = readOptionalAmount(cell(record, columns.seconds), 'seconds');
    const rpe = readRpe(cell(record, columns.rpe));
    if (rpe.warning) {
      this.warnings.push(rpe.warning);
    }

    return {
      type,
      reps: readReps(cell(record, columns.reps)),
      weightKg: weight === null || weightUnit === null ? null : toKilograms(weight, weightUnit),
      weightUnit,
      rpe: rpe.value,
      // Strong writes 0 for "no time" and "no distance".
      durationSeconds: seconds ? Math.round(seconds) : null,
      distanceMeters: distance ? toMeters(distance, this.readDistanceUnitOf(record)) : null,
    };
  }

  private readWeightUnitOf(record: CsvRecord): WeightUnit {
    const columns = this.columns;
    if (columns.weightUnit !== undefined) {
      const text = cell(record, columns.weightUnit);
      const unit = readWeightUnit(text);
      if (!unit) {
        throw new RowError(`Unknown weight unit "${text}".`);
      }
      return unit;
    }
    if (columns.weightHeaderUnit) {
      return columns.weightHeaderUnit;
    }
    const unit = this.options.weightUnit ?? 'kg';
    if (!this.hasWarnedUnit) {
      this.hasWarnedUnit = true;
      this.warnings.push(`The file does not say the weight unit: weights were read as ${unit}.`);
    }
    return unit;
  }

  private readDistanceUnitOf(record: CsvRecord): DistanceUnit {
    const columns = this.columns;
    if (columns.distanceUnit !== undefined) {
      const text = cell(record, columns.distanceUnit);
      const unit = readDistanceUnit(text);
      if (!unit) {
        throw new RowError(`Unknown distance unit "${text}".`);
      }
      return unit;
    }
    if (columns.distanceHeaderUnit) {
      return columns.distanceHeaderUnit;
    }
    // An unlabelled distance is in the unit system of the weights.
    return (this.options.weightUnit ?? 'kg') === 'lb' ? 'mi' : 'km';
  }
}
