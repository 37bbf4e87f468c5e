import type { CsvRecord } from '../csv';
import type { ImportEvent, ImportedCompletion, ImportedHabit, SourceFile } from '../types';
import { readLocalDateTime, readNumber } from '../values';
import {
  Columns,
  RowError,
  RowTally,
  cell,
  checkFieldCount,
  issueEvent,
  readRecords,
} from './shared';

/*
 * HabitBull's CSV export: `HabitName,HabitDescription,HabitCategory,CalendarDate,Value,
 * CommentText`, one row per habit and day, the description and category repeated on each row.
 * A value of 1 marks a yes/no habit done; other positive values are amounts, which make the
 * habit measurable; 0 is a day not done. The app is known to write some rows twice: a repeated
 * habit and day is reported and left out.
 */

interface HabitState {
  habit: ImportedHabit;
  /** Days already imported, as day numbers, to drop repeated rows in little memory. */
  days: Set<number>;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Reads a HabitBull CSV export. Throws ImportFileError for a file that cannot be used at all. */
export async function* parseHabitBull(
  file: SourceFile,
  delimiter: string,
): AsyncGenerator<ImportEvent> {
  const records = readRecords(file, delimiter);
  const header = await records.next();
  if (header.done) {
    return;
  }
  const columns = new Columns(header.value.fields);
  const index = columns.require(file.path, {
    HabitName: ['habitname'],
    CalendarDate: ['calendardate'],
    Value: ['value'],
  });
  const optional = {
    description: columns.find('habitdescription'),
    category: columns.find('habitcategory'),
    comment: columns.find('commenttext'),
  };
  const habits = new Map<string, HabitState>();
  const tally = new RowTally(file.path);

  for await (const record of records) {
    let row;
    try {
      checkFieldCount(record, header.value.fields.length);
      row = readRow(record, index, optional);
    } catch (error) {
      if (!(error instanceof RowError)) {
        throw error;
      }
      tally.noteError(record.line, error.message);
      yield issueEvent('error', file.path, record.line, error.message);
      continue;
    }
    tally.noteRead();

    let state = habits.get(row.name);
    if (!state) {
      state = { habit: newHabit(row, habits.size), days: new Set() };
      habits.set(row.name, state);
      yield { type: 'habit', habit: { ...state.habit } };
    }
    if (row.value !== 0 && row.value !== 1 && state.habit.kind === 'boolean') {
      // An amount other than 1: the habit counts something. Completions already sent carry their
      // value, so saying so now is enough.
      state.habit.kind = 'measurable';
      yield { type: 'habit', habit: { ...state.habit } };
    }

    const day = dayNumber(row.date);
    if (state.days.has(day)) {
      yield issueEvent(
        'warning',
        file.path,
        record.line,
        `"${row.name}" on ${row.date} was already imported from an earlier row: left out.`,
      );
      continue;
    }
    const completion = toCompletion(row);
    if (completion) {
      state.days.add(day);
      yield { type: 'completion', habitKey: state.habit.key, completion };
    }
  }

  tally.check();
}

interface HabitBullRow {
  name: string;
  description: string;
  category: string;
  date: string;
  value: number;
  comment: string;
}

function readRow(
  record: CsvRecord,
  index: Record<string, number>,
  optional: Record<string, number | undefined>,
): HabitBullRow {
  const name = cell(record, index.HabitName).trim();
  if (name === '') {
    throw new RowError('The habit name is empty.');
  }
  const dateText = cell(record, index.CalendarDate);
  const date = readLocalDateTime(dateText);
  if (!date) {
    throw new RowError(`Unreadable date "${dateText}".`);
  }
  const valueText = cell(record, index.Value);
  const value = readNumber(valueText);
  if (value === undefined || value === null || value < 0) {
    throw new RowError(`Unreadable value "${valueText}".`);
  }

  return {
    name,
    description: cell(record, optional.description).trim(),
    category: cell(record, optional.category).trim(),
    date: date.date,
    value,
    comment: cell(record, optional.comment).trim(),
  };
}

function newHabit(row: HabitBullRow, position: number): ImportedHabit {
  return {
    key: row.name,
    name: row.name,
    kind: 'boolean',
    question: '',
    description: row.description,
    category: row.category,
    unit: '',
    target: null,
    schedule: null,
    archived: false,
    color: null,
    position,
  };
}

function toCompletion(row: HabitBullRow): ImportedCompletion | undefined {
  if (row.value > 0) {
    return { date: row.date, status: 'done', value: row.value, note: row.comment };
  }
  if (row.comment !== '') {
    return { date: row.date, status: 'none', value: null, note: row.comment };
  }
  return undefined;
}
