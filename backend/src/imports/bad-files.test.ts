import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { importFixture } from '../test/fixtures';
import { DEFAULT_MAX_RECORD_CHARS } from './csv';
import { detectImport } from './detect';
import { ImportFileError, type FileProblem } from './errors';
import { openUpload } from './sources';
import { collectImport, memoryFile } from './test/helpers';
import { buildZip } from './test/zip';
import type { SourceFile } from './types';

async function importError(files: SourceFile[]): Promise<ImportFileError> {
  try {
    await collectImport(files);
  } catch (error) {
    if (error instanceof ImportFileError) {
      return error;
    }
    throw error;
  }
  throw new Error('the import was expected to fail');
}

function expectProblem(
  error: ImportFileError,
  problem: FileProblem,
  where: { file?: string; line?: number } = {},
): void {
  expect({ problem: error.problem, file: error.file, line: error.line }).toEqual({
    problem,
    file: where.file,
    line: where.line,
  });
}

const HEVY = readFileSync(importFixture('hevy', 'hevy-metric.csv'), 'utf8');
const HEVY_HEADER = HEVY.slice(0, HEVY.indexOf('\n') + 1);
const STRONG = readFileSync(importFixture('strong', 'strong-semicolon-quoted.csv'), 'utf8');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bad-import-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('empty and binary files', () => {
  it('refuses an empty file', async () => {
    const error = await importError([memoryFile('export.csv')]);

    expectProblem(error, 'EMPTY_FILE', { file: 'export.csv' });
    expect(error.message).toBe('export.csv: The file is empty.');
  });

  it('refuses a file of blank lines', async () => {
    expectProblem(await importError([memoryFile('x.csv', '\r\n \n\n')]), 'EMPTY_FILE', {
      file: 'x.csv',
    });
  });

  it('refuses a binary file (a PNG image)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await importError([memoryFile('photo.csv', png)]);

    expectProblem(error, 'BINARY_FILE', { file: 'photo.csv' });
    expect(error.message).toBe('photo.csv: The file is not a text (CSV) file or a zip archive.');
  });

  it('refuses text with NUL characters in it', async () => {
    const error = await importError([memoryFile('x.csv', 'HabitName,\u0000\u0000\n')]);

    expectProblem(error, 'BINARY_FILE', { file: 'x.csv' });
  });
});

describe('truncated files', () => {
  it('names the line of a Hevy file cut inside a quoted value', async () => {
    // Cut in the middle of the exercise note of data row 10 (line 11).
    const cut = HEVY.slice(0, HEVY.indexOf('All sets, lower') + 8);
    const error = await importError([memoryFile('hevy.csv', cut)]);

    expectProblem(error, 'UNTERMINATED_QUOTE', { file: 'hevy.csv', line: 11 });
  });

  it('reports the cut last row of a Strong file and keeps the rows before it', async () => {
    // The file as if the export stopped after the 7th field of its last line.
    const lines = STRONG.split('\n');
    const cut = [...lines.slice(0, -1), lines.at(-1)!.split(';').slice(0, 7).join(';')].join('\n');
    const result = await collectImport([memoryFile('strong.csv', cut)]);

    expect(result.errors).toEqual([
      {
        level: 'error',
        file: 'strong.csv',
        line: 167,
        message: 'Expected 13 fields, found 7 (a wrong delimiter or a cut line?).',
      },
    ]);
    expect(
      result.workouts.reduce(
        (sum, workout) =>
          sum + workout.exercises.reduce((inner, exercise) => inner + exercise.sets.length, 0),
        0,
      ),
    ).toBe(165);
  });

  it('refuses a zip archive cut in half', async () => {
    const zip = buildZip([
      { name: 'Habits.csv', content: readFileSync(importFixture('loop-2x', 'Habits.csv')) },
      { name: 'Checkmarks.csv', content: readFileSync(importFixture('loop-2x', 'Checkmarks.csv')) },
    ]);
    const path = join(scratch, 'cut.zip');
    writeFileSync(path, zip.subarray(0, Math.floor(zip.length / 2)));

    const error = await openUpload([{ path, name: 'Loop.zip' }]).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expectProblem(error as ImportFileError, 'BAD_ZIP', { file: 'Loop.zip' });
  });
});

describe('wrong delimiters and unknown files', () => {
  it('refuses a file none of whose rows fit the header, naming the first', async () => {
    const error = await importError([
      memoryFile(
        'habitbull.csv',
        'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n',
        'Read;Books;Mind;2024-01-01;1;\n',
        'Read;Books;Mind;2024-01-02;1;\n',
      ),
    ]);

    expectProblem(error, 'NO_READABLE_ROWS', { file: 'habitbull.csv', line: 2 });
    expect(error.message).toBe(
      'habitbull.csv, line 2: No row of the file could be read. The first row failed with: Expected 6 fields, found 1 (a wrong delimiter or a cut line?).',
    );
  });

  it('refuses a file whose delimiter makes the header unrecognisable', async () => {
    const piped = HEVY_HEADER.replaceAll(',', '|');
    const error = await importError([memoryFile('hevy.csv', piped, 'A|B\n')]);

    expectProblem(error, 'UNKNOWN_FORMAT', { file: 'hevy.csv' });
  });

  it('refuses a CSV file of another app', async () => {
    const error = await importError([
      memoryFile('bank.csv', 'Date,Amount,Payee\n2024-01-01,5,Cafe\n'),
    ]);

    expect(error.problem).toBe('UNKNOWN_FORMAT');
  });

  it('refuses two workout files at once', async () => {
    const error = await importError([
      memoryFile('a.csv', STRONG),
      memoryFile('b.csv', HEVY_HEADER, HEVY.split('\n')[1]!),
    ]);

    expect(error.problem).toBe('TOO_MANY_FILES');
  });
});

describe('a 100 MB line', () => {
  /** Yields `total` bytes of `x` in 64 KiB chunks, made on demand, counting what was taken. */
  function hugeLine(prefix: string, total: number) {
    const pulled = { bytes: 0 };
    const chunk = new Uint8Array(64 * 1024).fill(0x78);
    const file: SourceFile = {
      path: 'huge.csv',
      async *open() {
        yield new TextEncoder().encode(prefix);
        for (let sent = 0; sent < total; sent += chunk.length) {
          pulled.bytes += chunk.length;
          yield await Promise.resolve(chunk);
        }
      },
    };
    return { file, pulled };
  }

  it('stops at the size limit after a data row, without reading the rest', async () => {
    const { file, pulled } = hugeLine(HEVY_HEADER, 100 * 1024 * 1024);
    const error = await importError([file]);

    expectProblem(error, 'RECORD_TOO_LARGE', { file: 'huge.csv', line: 2 });
    expect(pulled.bytes).toBeLessThanOrEqual(DEFAULT_MAX_RECORD_CHARS + 2 * 64 * 1024);
  });

  it('stops at the size limit when the first line is the huge one', async () => {
    const { file, pulled } = hugeLine('', 100 * 1024 * 1024);
    const error = await importError([file]);

    expectProblem(error, 'RECORD_TOO_LARGE', { file: 'huge.csv', line: 1 });
    expect(pulled.bytes).toBeLessThanOrEqual(DEFAULT_MAX_RECORD_CHARS + 2 * 64 * 1024);
  });
});

describe('header-only files', () => {
  it.each([
    ['Strong', STRONG.slice(0, STRONG.indexOf('\n') + 1)],
    ['Hevy', HEVY_HEADER],
    ['HabitBull', 'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n'],
    ['Loop', readFileSync(importFixture('loop-2x', 'Habits.csv'), 'utf8').split('\n')[0]!],
  ])('refuses a %s file with a header only', async (_app, header) => {
    const error = await importError([memoryFile('Habits.csv', header)]);

    expectProblem(error, 'NO_DATA', { file: 'Habits.csv' });
    expect(error.message).toBe('Habits.csv: The file has a header but no data.');
  });
});

describe('encodings', () => {
  it('reads a file saved as UTF-16 with a byte-order mark, and one with a UTF-8 BOM', async () => {
    const text =
      'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\r\nЧитать 📚,,,2024-01-01,1,\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

    for (const bytes of [utf16, utf8]) {
      const result = await collectImport([memoryFile('habitbull.csv', bytes)]);
      expect(result.habits.map((habit) => habit.name)).toEqual(['Читать 📚']);
    }
  });
});

describe('lines of spaces before the header', () => {
  it('are skipped by detection and by the importer alike', async () => {
    const result = await collectImport([
      memoryFile(
        'habitbull.csv',
        '  \n\t\n',
        'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n',
        'Read,,,2024-01-01,1,\n',
      ),
    ]);

    expect(result.habits.map((habit) => habit.name)).toEqual(['Read']);
    expect(result.errors).toEqual([]);
  });
});

describe('detection by content, whatever the file is called', () => {
  it.each([
    ['hevy', 'strong.csv', HEVY],
    ['strong', 'export.txt', STRONG],
    ['habitbull', 'Habits.csv', readFileSync(importFixture('habitbull', 'habitbull.csv'), 'utf8')],
  ])('recognises a %s file named %s', async (format, name, text) => {
    expect(await detectImport([memoryFile(name, text)])).toMatchObject({ format });
  });

  it("recognises this app's own JSON export", async () => {
    const detected = await detectImport([
      memoryFile('backup.csv', '\n  {"format":"habit-gym-tracker-export"}'),
    ]);

    expect(detected).toMatchObject({ format: 'export' });
  });
});
