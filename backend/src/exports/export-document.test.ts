import { Readable } from 'node:stream';

import fc from 'fast-check';

import { CsvTokenizer } from '../imports/csv';
import { ImportFileError } from '../imports/errors';
import { ExportScanner, readExportJson, type ExportPart } from '../imports/parsers/export-json';
import {
  HABITS_CSV_HEADER,
  WORKOUTS_CSV_HEADER,
  writeHabitsCsv,
  writeWorkoutsCsv,
} from './csv-writer';
import { writeExportJson, type ExportSource } from './json-writer';
import {
  EXPORT_SECTIONS,
  type ExportDocument,
  type ExportHabit,
  type ExportWorkout,
} from './schema';

const HABIT: ExportHabit = {
  id: '65f0c0ffee0000000000000a',
  name: 'Read, write "more"\n📚',
  description: 'Ten pages; then notes',
  color: '#4F46E5',
  icon: '📚',
  kind: 'measurable',
  target: { type: 'atLeast', value: 10, unit: 'pages' },
  startDate: '2024-01-01',
  schedules: [
    { from: '2024-01-01', type: 'daily' },
    { from: '2024-02-26', type: 'weekly' },
  ],
  reminderTime: '07:30',
  position: 0,
  archived: false,
  linkedToWorkouts: false,
  completions: [
    { date: '2024-02-29', status: 'done', value: 12.5, note: 'Leap day, "finally"' },
    { date: '2024-03-01', status: 'skipped', value: null, note: '' },
  ],
};

const WORKOUT: ExportWorkout = {
  id: '65f0c0ffee0000000000000b',
  date: '2024-03-02',
  startedAt: '2024-03-01T23:30:00.000Z',
  endedAt: '2024-03-02T00:45:00.000Z',
  notes: 'Push 💪, heavy\nline two',
  routineId: null,
  exercises: [
    {
      exercise: { source: 'catalog', id: 'bench-press', name: 'Bench Press' },
      supersetGroup: 1,
      notes: '',
      sets: [
        {
          type: 'warmup',
          reps: 10,
          weightKg: 61.23497,
          rpe: null,
          durationSeconds: null,
          distanceMeters: null,
        },
        {
          type: 'failure',
          reps: 5,
          weightKg: 102.058283,
          rpe: 9.5,
          durationSeconds: null,
          distanceMeters: null,
        },
      ],
    },
    {
      exercise: { source: 'own', id: 'x1', name: 'Sled, push' },
      supersetGroup: 1,
      notes: 'ow',
      sets: [],
    },
  ],
};

const DOCUMENT: ExportDocument = {
  format: 'habit-gym-tracker-export',
  schemaVersion: 1,
  exportedAt: '2024-03-03T10:00:00.000Z',
  account: {
    email: 'ana@example.com',
    name: 'Ana',
    timezone: 'Europe/Berlin',
    weekStart: 'monday',
    unit: 'lb',
    createdAt: '2023-12-31T23:00:00.000Z',
  },
  habits: [
    HABIT,
    { ...HABIT, id: 'h2', name: '🧘', kind: 'boolean', target: null, completions: [] },
  ],
  exercises: [
    {
      id: 'x1',
      name: 'Sled, push',
      primaryMuscles: ['quadriceps'],
      secondaryMuscles: [],
      equipment: 'other',
      kind: 'distance_duration',
      archived: false,
    },
  ],
  routines: [],
  workouts: [WORKOUT, { ...WORKOUT, id: 'w2', date: '2024-03-01', exercises: [] }],
  bodyWeights: [{ date: '2024-03-01', weightKg: 80.5 }],
};

async function* each<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    yield await Promise.resolve(item);
  }
}

function sourceOf(document: ExportDocument): ExportSource {
  return {
    exportedAt: new Date(document.exportedAt),
    account: document.account,
    sections: {
      habits: each(document.habits),
      exercises: each(document.exercises),
      routines: each(document.routines),
      workouts: each(document.workouts),
      bodyWeights: each(document.bodyWeights),
    },
  };
}

async function textOf(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
  }
  return text;
}

/** Reads parts back into a document, the way an import would see them. */
function assemble(parts: ExportPart[]): ExportDocument {
  const [header, ...items] = parts;
  if (header?.type !== 'header') {
    throw new Error('no header first');
  }
  const document: Record<string, unknown> = {
    format: header.format,
    schemaVersion: header.schemaVersion,
    exportedAt: header.exportedAt,
    account: header.account,
  };
  for (const section of EXPORT_SECTIONS) {
    document[section] = items.flatMap((part) =>
      part.type === 'item' && part.section === section ? [part.item] : [],
    );
  }
  return document as unknown as ExportDocument;
}

function scanChunks(chunks: string[]): ExportPart[] {
  const scanner = new ExportScanner('export.json');
  return [...chunks.flatMap((chunk) => scanner.push(chunk)), ...scanner.end()];
}

function scanError(text: string): ImportFileError {
  try {
    scanChunks([text]);
  } catch (error) {
    if (error instanceof ImportFileError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('writeExportJson', () => {
  it('writes one JSON document holding exactly what it was given, one item per line', async () => {
    const text = await textOf(writeExportJson(sourceOf(DOCUMENT)));

    expect(JSON.parse(text)).toEqual(DOCUMENT);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '{"format":"habit-gym-tracker-export","schemaVersion":1,"exportedAt":"2024-03-03T10:00:00.000Z",',
      `"account":${JSON.stringify(DOCUMENT.account)},`,
      '"habits":[',
      `${JSON.stringify(HABIT)},`,
    ]);
  });

  it('refuses a number JSON cannot carry rather than writing null', async () => {
    const broken = { ...DOCUMENT, bodyWeights: [{ date: '2024-03-01', weightKg: NaN, note: '' }] };

    await expect(textOf(writeExportJson(sourceOf(broken)))).rejects.toThrow(
      'Export value NaN cannot be written as JSON',
    );
  });
});

describe('readExportJson', () => {
  it('reads back what writeExportJson wrote, item by item', async () => {
    const written = writeExportJson(sourceOf(DOCUMENT));
    const parts: ExportPart[] = [];
    for await (const part of readExportJson(written, 'export.json')) {
      parts.push(part);
    }

    expect(parts[0]).toEqual({
      type: 'header',
      format: 'habit-gym-tracker-export',
      schemaVersion: 1,
      exportedAt: '2024-03-03T10:00:00.000Z',
      account: DOCUMENT.account,
    });
    expect(parts[1]).toEqual({ type: 'item', section: 'habits', item: HABIT, line: 4 });
    expect(assemble(parts)).toEqual(DOCUMENT);
  });

  it('reads the same document pretty-printed, minified, and cut into chunks anywhere', async () => {
    const pretty = JSON.stringify(DOCUMENT, null, 2);
    const minified = JSON.stringify(DOCUMENT);

    expect(assemble(scanChunks([pretty]))).toEqual(DOCUMENT);
    expect(assemble(scanChunks([minified]))).toEqual(DOCUMENT);
    for (let cut = 0; cut <= minified.length; cut += 11) {
      expect(assemble(scanChunks([minified.slice(0, cut), minified.slice(cut)]))).toEqual(DOCUMENT);
    }

    const fromStream = [];
    for await (const part of readExportJson(Readable.from([pretty]), 'export.json')) {
      fromStream.push(part);
    }
    expect(assemble(fromStream)).toEqual(DOCUMENT);
  });

  it('keeps any habit name and note exactly (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'binary' }),
        async (name, note) => {
          const habit = { ...HABIT, name, completions: [{ ...HABIT.completions[0]!, note }] };
          const document = { ...DOCUMENT, habits: [habit] };
          const text = await textOf(writeExportJson(sourceOf(document)));

          expect(assemble(scanChunks([text]))).toEqual(document);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a JSON file that is not our export', () => {
    const error = scanError('{"format":"something-else","schemaVersion":1,"habits":[]}');

    expect(error.problem).toBe('UNKNOWN_FORMAT');
    expect(scanError('[1, 2]').problem).toBe('BAD_JSON');
  });

  it('refuses a document of a later schema version', () => {
    const text = JSON.stringify({ ...DOCUMENT, schemaVersion: 2 });

    expect(scanError(text).message).toBe(
      'export.json: The export document comes from a version of this app that this one cannot read. It has version 2; this app reads version 1.',
    );
  });

  it('refuses a truncated document and an item that is not valid JSON, naming the line', async () => {
    const text = await textOf(writeExportJson(sourceOf(DOCUMENT)));

    const truncated = scanError(text.slice(0, text.length - 20));
    expect([truncated.problem, truncated.message]).toEqual([
      'BAD_JSON',
      `export.json, line ${text.slice(0, -20).split('\n').length}: The file is not a valid export document. The document ends early: it looks truncated.`,
    ]);

    const broken = scanError(text.replace('"kind":"measurable"', '"kind":measurable'));
    expect([broken.problem, broken.line]).toEqual(['BAD_JSON', 4]);
  });
});

describe('CSV exports', () => {
  function readBack(text: string): string[][] {
    const tokenizer = new CsvTokenizer({ delimiter: ',', file: 'export.csv' });
    return [...tokenizer.push(text), ...tokenizer.end()].map((record) => record.fields);
  }

  it('writes a habit day per row, names with commas, quotes, line breaks and emoji intact', async () => {
    const text = await textOf(writeHabitsCsv(each(DOCUMENT.habits)));

    expect(readBack(text)).toEqual([
      [...HABITS_CSV_HEADER],
      [
        'Read, write "more"\n📚',
        'measurable',
        'pages',
        'false',
        '2024-02-29',
        'done',
        '12.5',
        'Leap day, "finally"',
      ],
      ['Read, write "more"\n📚', 'measurable', 'pages', 'false', '2024-03-01', 'skipped', '', ''],
      ['🧘', 'boolean', '', 'false', '', '', '', ''],
    ]);
  });

  it('writes a workout set per row, with exact weights', async () => {
    const text = await textOf(writeWorkoutsCsv(each(DOCUMENT.workouts)));
    const rows = readBack(text);

    expect(rows[0]).toEqual([...WORKOUTS_CSV_HEADER]);
    const tokyo = [
      '2024-03-02',
      '2024-03-01T23:30:00.000Z',
      '2024-03-02T00:45:00.000Z',
      'Push 💪, heavy\nline two',
    ];
    const bench = ['Bench Press', '1', ''];
    expect(rows.slice(1)).toEqual([
      [...tokyo, ...bench, '1', 'warmup', '10', '61.23497', '', '', ''],
      [...tokyo, ...bench, '2', 'failure', '5', '102.058283', '9.5', '', ''],
      [...tokyo, 'Sled, push', '1', 'ow', '', '', '', '', '', '', ''],
      ['2024-03-01', ...tokyo.slice(1), ...Array(10).fill('')],
    ]);
  });
});
