import { readCsv, type CsvRecord } from '../csv';
import { ImportFileError } from '../errors';
import { decodeText } from '../text';
import type {
  ImportEvent,
  ImportedExercise,
  ImportedSet,
  ImportedWorkout,
  IssueLevel,
  SourceFile,
} from '../types';

/**
 * Reads a file as CSV records: its header first, then its rows. Lines of spaces before the
 * header are skipped, as format detection skips them.
 */
export async function* readRecords(file: SourceFile, delimiter: string): AsyncGenerator<CsvRecord> {
  let hasHeader = false;
  for await (const record of readCsv(decodeText(file.open(), file.path), {
    delimiter,
    file: file.path,
  })) {
    if (!hasHeader && record.fields.every((field) => field.trim() === '')) {
      continue;
    }
    hasHeader = true;
    yield record;
  }
}

/** The header's columns by normalised name (trimmed, lower case), first occurrence wins. */
export class Columns {
  private readonly indexes = new Map<string, number>();

  constructor(header: string[]) {
    header.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      if (!this.indexes.has(key)) {
        this.indexes.set(key, index);
      }
    });
  }

  /** The index of the first of `names` present, or undefined. */
  find(...names: string[]): number | undefined {
    for (const name of names) {
      const index = this.indexes.get(name);
      if (index !== undefined) {
        return index;
      }
    }
    return undefined;
  }

  /** The name (of `names`) that is present, to learn units from headers like `Weight (kg)`. */
  findName(...names: string[]): string | undefined {
    return names.find((name) => this.indexes.has(name));
  }

  /** Throws MISSING_COLUMNS naming each absent column; returns the indexes in order. */
  require(file: string, required: Record<string, string[]>): Record<string, number> {
    const found: Record<string, number> = {};
    const missing: string[] = [];
    for (const [label, names] of Object.entries(required)) {
      const index = this.find(...names);
      if (index === undefined) {
        missing.push(label);
      } else {
        found[label] = index;
      }
    }
    if (missing.length > 0) {
      throw new ImportFileError('MISSING_COLUMNS', {
        file,
        line: 1,
        detail: `Missing: ${missing.join(', ')}.`,
      });
    }
    return found;
  }
}

export function cell(record: CsvRecord, index: number | undefined): string {
  return index === undefined ? '' : (record.fields[index] ?? '');
}

export function issueEvent(
  level: IssueLevel,
  file: string,
  line: number,
  message: string,
): ImportEvent {
  return { type: 'issue', issue: { level, file, line, message } };
}

/** Thrown inside a row reader to reject the row with a message; the row is reported and skipped. */
export class RowError extends Error {}

/**
 * Counts rows so that a parser can tell a header-only file (NO_DATA) and a file of which no row
 * could be read (NO_READABLE_ROWS, usually the wrong delimiter) from a file with a few bad rows.
 */
export class RowTally {
  rows = 0;
  readable = 0;
  private firstError: { line: number; message: string } | undefined;

  constructor(private readonly file: string) {}

  noteRead(): void {
    this.rows += 1;
    this.readable += 1;
  }

  noteError(line: number, message: string): void {
    this.rows += 1;
    this.firstError ??= { line, message };
  }

  /** Throws when the file held no data, or no readable row. */
  check(): void {
    if (this.rows === 0) {
      throw new ImportFileError('NO_DATA', { file: this.file });
    }
    if (this.readable === 0 && this.firstError) {
      throw new ImportFileError('NO_READABLE_ROWS', {
        file: this.file,
        line: this.firstError.line,
        detail: `The first row failed with: ${this.firstError.message}`,
      });
    }
  }
}

/** Checks that a row has as many fields as the header, which a wrong delimiter breaks. */
export function checkFieldCount(record: CsvRecord, expected: number): void {
  if (record.fields.length !== expected) {
    throw new RowError(
      `Expected ${expected} fields, found ${record.fields.length} (a wrong delimiter or a cut line?).`,
    );
  }
}

export interface WorkoutRow {
  workoutKey: string;
  date: string;
  startedAt: string;
  endedAt: string | null;
  workoutName: string;
  workoutNotes: string;
  exerciseName: string;
  supersetId: string | null;
  exerciseNotes: string;
  /** True when this row starts a new run of the same exercise (Hevy's set index back at 0). */
  isNewExerciseRun: boolean;
  set: ImportedSet | null;
}

/** Reads one row of a set-per-row export; the warnings are those of the last row read. */
export interface WorkoutRowReader {
  /** The row, or null for a row that holds no set; throws RowError for a row it cannot read. */
  read(record: CsvRecord): WorkoutRow | null;
  takeWarnings(): string[];
}

/**
 * The events of a set-per-row workout export (Strong, Hevy): a workout when its last row has
 * been read, an issue for each row that was not read or was read with a caveat.
 */
export async function* assembleWorkouts(
  file: SourceFile,
  records: AsyncIterable<CsvRecord>,
  reader: WorkoutRowReader,
): AsyncGenerator<ImportEvent> {
  const assembler = new WorkoutAssembler();
  const tally = new RowTally(file.path);

  for await (const record of records) {
    let done;
    try {
      const row = reader.read(record);
      done = row ? assembler.add(row) : undefined;
    } catch (error) {
      if (!(error instanceof RowError)) {
        throw error;
      }
      reader.takeWarnings();
      tally.noteError(record.line, error.message);
      yield issueEvent('error', file.path, record.line, error.message);
      continue;
    }
    tally.noteRead();
    for (const warning of reader.takeWarnings()) {
      yield issueEvent('warning', file.path, record.line, warning);
    }
    if (done) {
      yield { type: 'workout', workout: done };
    }
  }

  tally.check();
  const last = assembler.flush();
  if (last) {
    yield { type: 'workout', workout: last };
  }
}

/**
 * Groups the rows of a set-per-row export into workouts. The apps write a workout's rows
 * together, so a workout is complete when a row of another one arrives: only the current workout
 * is held. A workout whose rows come back after another workout is reported, not merged.
 */
export class WorkoutAssembler {
  private current: ImportedWorkout | undefined;
  private readonly finished = new Set<string>();

  /** Adds a row; returns the previous workout when this row starts a new one. */
  add(row: WorkoutRow): ImportedWorkout | undefined {
    if (this.finished.has(row.workoutKey)) {
      throw new RowError(
        `This row belongs to the workout of ${row.startedAt.replace('T', ' ')}, whose other rows came earlier in the file.`,
      );
    }

    let done: ImportedWorkout | undefined;
    if (this.current?.key !== row.workoutKey) {
      done = this.flush();
      this.current = {
        key: row.workoutKey,
        date: row.date,
        startedAt: row.startedAt,
        endedAt: row.endedAt,
        name: row.workoutName,
        notes: row.workoutNotes,
        exercises: [],
      };
    }
    this.addToExercise(this.current, row);

    return done;
  }

  /** Ends the current workout and returns it. */
  flush(): ImportedWorkout | undefined {
    const done = this.current;
    if (done) {
      this.finished.add(done.key);
    }
    this.current = undefined;
    return done;
  }

  private addToExercise(workout: ImportedWorkout, row: WorkoutRow): void {
    let exercise = workout.exercises.at(-1);
    const isSameRun =
      exercise?.name === row.exerciseName &&
      exercise.supersetId === row.supersetId &&
      !row.isNewExerciseRun;
    if (!exercise || !isSameRun) {
      exercise = { name: row.exerciseName, supersetId: row.supersetId, notes: '', sets: [] };
      workout.exercises.push(exercise);
    }
    addNote(exercise, row.exerciseNotes);
    if (row.set) {
      exercise.sets.push(row.set);
    }
  }
}

const notesSeen = new WeakMap<ImportedExercise, Set<string>>();

/** Apps repeat an exercise's note on each of its rows: keep each distinct note once. */
function addNote(exercise: ImportedExercise, note: string): void {
  const trimmed = note.trim();
  const seen = notesSeen.get(exercise) ?? new Set<string>();
  notesSeen.set(exercise, seen);
  if (trimmed === '' || seen.has(trimmed)) {
    return;
  }
  seen.add(trimmed);
  exercise.notes = exercise.notes === '' ? trimmed : `${exercise.notes}\n\n${trimmed}`;
}
