import type { CsvRecord } from '../csv';
import { readHeader } from '../detect';
import { ImportFileError } from '../errors';
import { isLocalDate } from '../../lib/time';
import type {
  HabitKind,
  ImportEvent,
  ImportedCompletion,
  ImportedHabit,
  ImportedSchedule,
  SourceFile,
  TargetType,
} from '../types';
import { readFlag, readNumber, roundTo } from '../values';
import { Columns, RowError, cell, issueEvent, readRecords } from './shared';

/*
 * Loop Habit Tracker's CSV export: a zip (or its files) holding
 * - `Habits.csv`: one row per habit. Since Loop 2.2: `Position,Name,Type,Question,Description,
 *   FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?`.
 *   Before: `Position,Name,Question,Description,NumRepetitions,Interval,Color`, and before that
 *   `Name,Description,NumRepetitions,Interval,Color`: no type, so a habit is measurable when its
 *   values are amounts (see inferKind).
 * - `NNN Name/Checkmarks.csv` per habit, NNN being its position: `Date,Value,Notes` since 2.2
 *   (values YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN, or a number for measurable habits), before
 *   that headerless `date,value` rows with numbers (2 yes, 1 yes by frequency, 0 no, 3 skip,
 *   -1 unknown). Measurable values are stored multiplied by 1000.
 * - `Checkmarks.csv`: the same values as a wide table, one column per habit named by the habit,
 *   unquoted (a name with a comma shifts it), so it is used only for habits without their own
 *   file. `Scores.csv` files are derived data and are not read.
 * YES_AUTO is a day Loop filled in because the frequency allowed a rest, not a day the user did
 * anything, so it is not imported (its note is).
 *
 * Memory: a habit's rows are read whole before its kind is decided. Loop writes one row per day
 * per habit (20 years of 50 habits is under 400,000 short rows), so this stays small.
 */

interface LoopFiles {
  habits?: SourceFile;
  wide?: SourceFile;
  /** Per-habit Checkmarks.csv by the habit's position number (1-based). */
  perHabit: Map<number, SourceFile>;
}

interface LoopHabitRow {
  habit: ImportedHabit;
  /** Null when Habits.csv has no Type column. */
  declaredKind: HabitKind | null;
  number: number;
  line: number;
}

interface CheckmarkRow {
  date: string;
  value: string;
  note: string;
  file: string;
  line: number;
}

function normalizePath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(\.\/|\/)+/, '');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Sorts the files of an export by role; the folder holding Habits.csv is the export's root. */
export function arrangeLoopFiles(files: SourceFile[]): LoopFiles {
  const paths = files.map((file) => ({ file, path: normalizePath(file.path) }));
  const habitsFiles = paths
    .filter(({ path }) => basename(path).toLowerCase() === 'habits.csv')
    .sort((left, right) => left.path.length - right.path.length);
  const root = habitsFiles[0] ? habitsFiles[0].path.slice(0, -'habits.csv'.length) : '';
  const arranged: LoopFiles = { habits: habitsFiles[0]?.file, perHabit: new Map() };

  for (const { file, path } of paths) {
    if (!path.startsWith(root)) {
      continue;
    }
    const relative = path.slice(root.length);
    if (relative.toLowerCase() === 'checkmarks.csv') {
      arranged.wide = file;
      continue;
    }
    const perHabit = /^(\d+)(?: [^/]*)?\/checkmarks\.csv$/i.exec(relative);
    if (perHabit) {
      arranged.perHabit.set(Number(perHabit[1]), file);
    }
  }
  return arranged;
}

/** Reads a Loop Habit Tracker export. Throws ImportFileError for files that cannot be used. */
export async function* parseLoop(files: SourceFile[]): AsyncGenerator<ImportEvent> {
  const arranged = arrangeLoopFiles(files);
  if (!arranged.habits && !arranged.wide) {
    throw new ImportFileError('UNKNOWN_FORMAT', {
      detail: 'A Loop export needs Habits.csv or Checkmarks.csv.',
    });
  }

  const issues: ImportEvent[] = [];
  const habitRows = arranged.habits
    ? await readHabitsFile(arranged.habits, issues)
    : await habitsFromWideHeader(arranged.wide!);
  yield* issues;
  if (habitRows.length === 0) {
    throw new ImportFileError('NO_DATA', { file: (arranged.habits ?? arranged.wide)!.path });
  }

  let wideRows: Map<LoopHabitRow, CheckmarkRow[]> | undefined;
  for (const row of habitRows) {
    const perHabit = arranged.perHabit.get(row.number);
    let checkmarks: CheckmarkRow[];
    if (perHabit) {
      checkmarks = await readPerHabitFile(perHabit);
    } else {
      wideRows ??= arranged.wide ? await readWideFile(arranged.wide, habitRows) : new Map();
      checkmarks = wideRows.get(row) ?? [];
    }
    yield* habitWithCompletions(row, checkmarks);
  }
}

async function readHabitsFile(file: SourceFile, issues: ImportEvent[]): Promise<LoopHabitRow[]> {
  // Loop writes commas, but a file saved again by a spreadsheet may use another delimiter.
  const records = readRecords(file, (await readHeader(file)).delimiter);
  const header = await records.next();
  if (header.done) {
    return [];
  }
  const columns = new Columns(header.value.fields);
  const index = columns.require(file.path, { Name: ['name'] });
  const rows: LoopHabitRow[] = [];
  for await (const record of records) {
    try {
      rows.push(readHabitRow(record, columns, index.Name!, rows.length, issues, file.path));
    } catch (error) {
      if (!(error instanceof RowError)) {
        throw error;
      }
      issues.push(issueEvent('error', file.path, record.line, error.message));
    }
  }
  return withUniqueKeys(rows);
}

/** Loop allows two habits with one name; the second and later get their position in the key. */
function withUniqueKeys(rows: LoopHabitRow[]): LoopHabitRow[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.habit.key)) {
      row.habit.key = `${row.habit.name}#${row.number}`;
    }
    seen.add(row.habit.key);
  }
  return rows;
}

const TYPES: Record<string, HabitKind> = { yes_no: 'boolean', numerical: 'measurable' };
const TARGET_TYPES: Record<string, TargetType> = { at_least: 'atLeast', at_most: 'atMost' };

function readHabitRow(
  record: CsvRecord,
  columns: Columns,
  nameIndex: number,
  order: number,
  issues: ImportEvent[],
  file: string,
): LoopHabitRow {
  const get = (...names: string[]) => cell(record, columns.find(...names)).trim();
  const warn = (message: string) => issues.push(issueEvent('warning', file, record.line, message));

  const name = cell(record, nameIndex).trim();
  if (name === '') {
    throw new RowError('The habit name is empty.');
  }
  const typeText = get('type');
  const declaredKind = typeText === '' ? null : TYPES[typeText.toLowerCase()];
  if (declaredKind === undefined) {
    throw new RowError(`Unknown habit type "${typeText}".`);
  }
  const positionText = get('position');
  const number = positionText === '' ? order + 1 : Number(positionText);
  if (!Number.isInteger(number) || number < 1) {
    throw new RowError(`Unreadable position "${positionText}".`);
  }

  const habit: ImportedHabit = {
    key: name,
    name,
    kind: declaredKind ?? 'boolean',
    question: get('question'),
    description: get('description'),
    category: '',
    unit: declaredKind === 'measurable' ? get('unit') : '',
    target: declaredKind === 'measurable' ? readTarget(get, warn) : null,
    schedule: readSchedule(
      get('frequencynumerator', 'numrepetitions'),
      get('frequencydenominator', 'interval'),
      warn,
    ),
    archived: readFlag(get('archived?', 'archived')) ?? false,
    color: readColor(get('color')),
    position: number - 1,
  };
  return { habit, declaredKind, number, line: record.line };
}

function readTarget(
  get: (...names: string[]) => string,
  warn: (message: string) => void,
): ImportedHabit['target'] {
  const type = TARGET_TYPES[get('target type').toLowerCase()];
  const value = readNumber(get('target value'));
  if (!type || value === null || value === undefined || value < 0) {
    warn('The habit target could not be read: the habit has none.');
    return null;
  }
  return { type, value };
}

/** Loop's frequency is "numerator times in denominator days". */
function readSchedule(
  numeratorText: string,
  denominatorText: string,
  warn: (message: string) => void,
): ImportedSchedule | null {
  if (numeratorText === '' && denominatorText === '') {
    return null;
  }
  const numerator = Number(numeratorText);
  const denominator = Number(denominatorText);
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 1) {
    warn(`Unreadable frequency "${numeratorText}/${denominatorText}": imported as daily.`);
    return { type: 'daily' };
  }
  if (numerator >= denominator) {
    return { type: 'daily' };
  }
  if (numerator === 1) {
    return { type: 'interval', interval: denominator };
  }
  if (denominator === 7) {
    return { type: 'weekly', times: numerator };
  }
  if (denominator === 30 || denominator === 31) {
    return { type: 'monthly', times: numerator };
  }
  const times = Math.min(7, Math.max(1, Math.round((numerator * 7) / denominator)));
  warn(
    `Loop's frequency of ${numerator} times in ${denominator} days has no equal here: imported as ${times} times per week.`,
  );
  return { type: 'weekly', times };
}

function readColor(text: string): string | null {
  return /^#[0-9a-f]{6}$/i.test(text) ? text.toUpperCase() : null;
}

/** Without Habits.csv, the wide file's header names the habits. */
async function habitsFromWideHeader(file: SourceFile): Promise<LoopHabitRow[]> {
  const records = readRecords(file, ',');
  const header = await records.next();
  await records.return(undefined);
  const names = header.done ? [] : header.value.fields.slice(1);
  // `Date,Value,Notes` heads one habit's own file, which does not name its habit.
  if (
    names.length > 0 &&
    names.every((name) => ['value', 'notes'].includes(name.trim().toLowerCase()))
  ) {
    throw new ImportFileError('UNKNOWN_FORMAT', {
      file: file.path,
      detail:
        "It is one habit's Checkmarks.csv, which does not name the habit: send the whole Loop zip.",
    });
  }

  return names
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name, index) => ({
      habit: {
        key: name,
        name,
        kind: 'boolean' as const,
        question: '',
        description: '',
        category: '',
        unit: '',
        target: null,
        schedule: null,
        archived: false,
        color: null,
        position: index,
      },
      declaredKind: null,
      // No per-habit file can match: they are found by Habits.csv's positions.
      number: 0,
      line: 1,
    }));
}

async function readPerHabitFile(file: SourceFile): Promise<CheckmarkRow[]> {
  const rows: CheckmarkRow[] = [];
  for await (const record of readRecords(file, ',')) {
    const date = cell(record, 0).trim();
    if (record.line === 1 && date.toLowerCase() === 'date') {
      continue;
    }
    rows.push({
      date,
      value: cell(record, 1).trim(),
      note: cell(record, 2),
      file: file.path,
      line: record.line,
    });
  }
  return rows;
}

async function readWideFile(
  file: SourceFile,
  habits: LoopHabitRow[],
): Promise<Map<LoopHabitRow, CheckmarkRow[]>> {
  const byColumn = new Map<number, LoopHabitRow>();
  const result = new Map<LoopHabitRow, CheckmarkRow[]>();
  for await (const record of readRecords(file, ',')) {
    if (record.line === 1 && cell(record, 0).trim().toLowerCase() === 'date') {
      mapWideColumns(record, habits, byColumn);
      continue;
    }
    for (const [column, habit] of byColumn) {
      const rows = result.get(habit) ?? [];
      result.set(habit, rows);
      rows.push({
        date: cell(record, 0).trim(),
        value: cell(record, column).trim(),
        note: '',
        file: file.path,
        line: record.line,
      });
    }
  }
  return result;
}

function mapWideColumns(
  header: CsvRecord,
  habits: LoopHabitRow[],
  byColumn: Map<number, LoopHabitRow>,
): void {
  const unmatched = [...habits];
  header.fields.forEach((name, column) => {
    const match = unmatched.findIndex((row) => row.habit.name === name.trim());
    if (column > 0 && match !== -1) {
      byColumn.set(column, unmatched[match]!);
      unmatched.splice(match, 1);
    }
  });
}

type LoopValue =
  | { kind: 'done'; amount: number }
  | { kind: 'skip' }
  | { kind: 'auto'; amount: number }
  | { kind: 'no' }
  | { kind: 'unknown' };

const WORDS: Record<string, LoopValue> = {
  YES_MANUAL: { kind: 'done', amount: 2 },
  YES_AUTO: { kind: 'auto', amount: 1 },
  NO: { kind: 'no' },
  SKIP: { kind: 'skip' },
  UNKNOWN: { kind: 'unknown' },
};

/** A checkmark value as Loop wrote it, as a word (2.2 on) or as its number (before). */
function readLoopValue(text: string): LoopValue | { kind: 'amount'; amount: number } | undefined {
  const word = WORDS[text.toUpperCase()];
  if (word) {
    return word;
  }
  if (!/^-?\d+$/.test(text)) {
    return undefined;
  }
  const number = Number(text);
  switch (number) {
    case 2:
      return WORDS.YES_MANUAL;
    case 1:
      return WORDS.YES_AUTO;
    case 0:
      return WORDS.NO;
    case 3:
      return WORDS.SKIP;
    case -1:
      return WORDS.UNKNOWN;
    default:
      return number < 0 ? undefined : { kind: 'amount', amount: number };
  }
}

/** Without a Type column: amounts other than Loop's yes/no codes make a habit measurable. */
function inferKind(rows: CheckmarkRow[]): HabitKind {
  return rows.some((row) => readLoopValue(row.value)?.kind === 'amount') ? 'measurable' : 'boolean';
}

function toCompletion(row: CheckmarkRow, kind: HabitKind): ImportedCompletion | null | undefined {
  const value = readLoopValue(row.value);
  if (!value) {
    return undefined;
  }
  const note = row.note;
  const noteOnly: ImportedCompletion | null =
    note.trim() === '' ? null : { date: row.date, status: 'none', value: null, note };

  switch (value.kind) {
    case 'skip':
      return { date: row.date, status: 'skipped', value: null, note };
    case 'unknown':
      return noteOnly;
    case 'no':
      return kind === 'measurable' ? { date: row.date, status: 'done', value: 0, note } : noteOnly;
    case 'auto':
    case 'done':
    case 'amount':
      if (kind === 'measurable') {
        return { date: row.date, status: 'done', value: roundTo(value.amount / 1000, 3), note };
      }
      return value.kind === 'done'
        ? { date: row.date, status: 'done', value: null, note }
        : noteOnly;
  }
}

function* habitWithCompletions(
  row: LoopHabitRow,
  checkmarks: CheckmarkRow[],
): Generator<ImportEvent> {
  const kind = row.declaredKind ?? inferKind(checkmarks);
  const habit = { ...row.habit, kind };
  yield { type: 'habit', habit };

  const seen = new Set<string>();
  for (const checkmark of checkmarks) {
    const dateMessage = `Unreadable date "${checkmark.date}".`;
    if (!isLocalDate(checkmark.date)) {
      yield issueEvent('error', checkmark.file, checkmark.line, dateMessage);
      continue;
    }
    const completion = toCompletion(checkmark, kind);
    if (completion === undefined) {
      const message = `Unreadable value "${checkmark.value}" for "${habit.name}".`;
      yield issueEvent('error', checkmark.file, checkmark.line, message);
      continue;
    }
    if (completion === null) {
      continue;
    }
    if (seen.has(completion.date)) {
      const message = `"${habit.name}" on ${completion.date} appears twice: the first row was kept.`;
      yield issueEvent('warning', checkmark.file, checkmark.line, message);
      continue;
    }
    seen.add(completion.date);
    yield { type: 'completion', habitKey: habit.key, completion };
  }
}
