import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { importFixture } from '../../test/fixtures';
import { diskFile, openUpload } from '../sources';
import { collectImport, memoryFile, type CollectedImport } from '../test/helpers';
import { buildZip } from '../test/zip';

const LOOP_DIR = importFixture('loop-2x');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function loopFixtureFiles() {
  return filesUnder(LOOP_DIR).map((path) => diskFile(path, relative(LOOP_DIR, path)));
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'loop-import-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function importZip(zip: Buffer, name = 'Loop Habits CSV 2015-01-25.zip') {
  const path = join(scratch, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(path, zip);
  const upload = await openUpload([{ path, name }]);
  try {
    return await collectImport(upload.files);
  } finally {
    upload.close();
  }
}

function completionsOf(result: CollectedImport, key: string) {
  return result.completions.get(key) ?? [];
}

describe('Loop Habit Tracker: the real export in shared/fixtures/imports/loop-2x', () => {
  let result: CollectedImport;
  beforeAll(async () => {
    result = await collectImport(loopFixtureFiles());
  });

  it('finds both habits of Habits.csv with their settings', () => {
    expect(result.format).toBe('loop');
    expect(result.habits).toEqual([
      {
        key: 'Meditate',
        name: 'Meditate',
        kind: 'boolean',
        question: 'Did you meditate this morning?',
        description: '',
        category: '',
        unit: '',
        target: null,
        schedule: { type: 'daily' },
        archived: false,
        color: '#FF8F00',
        position: 0,
      },
      {
        key: 'Wake up early',
        name: 'Wake up early',
        kind: 'boolean',
        question: 'Did you wake up before 6am?',
        description: '',
        category: '',
        unit: '',
        target: null,
        // Loop's "2 times in 3 days" has no equal here: the nearest weekly target, with a warning.
        schedule: { type: 'weekly', times: 5 },
        archived: false,
        color: '#00897B',
        position: 1,
      },
    ]);
    expect(result.warnings).toEqual([
      {
        level: 'warning',
        file: 'Habits.csv',
        line: 3,
        message:
          "Loop's frequency of 2 times in 3 days has no equal here: imported as 5 times per week.",
      },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('imports no day for Meditate, whose Checkmarks.csv is a header only', () => {
    expect(completionsOf(result, 'Meditate')).toEqual([]);
  });

  it('imports the six checked days of Wake up early and the notes of three unchecked ones', () => {
    const completions = completionsOf(result, 'Wake up early');

    expect(
      completions
        .filter((completion) => completion.status === 'done')
        .map((completion) => completion.date),
    ).toEqual(['2015-01-25', '2015-01-22', '2015-01-21', '2015-01-20', '2015-01-17', '2015-01-16']);
    // NO with a note, and YES_AUTO (a rest day Loop filled in) with notes: the notes are kept.
    expect(completions.filter((completion) => completion.status === 'none')).toEqual([
      { date: '2015-01-24', status: 'none', value: null, note: 'Sick' },
      { date: '2015-01-23', status: 'none', value: null, note: 'Forgot to do it, really' },
      { date: '2015-01-19', status: 'none', value: null, note: '"Vacation"' },
    ]);
    expect(completions).toHaveLength(9);
  });

  it('reads the same from the zip Loop writes (data descriptors, inside a folder)', async () => {
    const zip = buildZip(
      filesUnder(LOOP_DIR).map((path) => ({
        name: `Loop Habits CSV 2015-01-25/${relative(LOOP_DIR, path)}`,
        content: readFileSync(path),
      })),
    );
    const fromZip = await importZip(zip);

    expect(fromZip.habits).toEqual(result.habits);
    expect(fromZip.completions).toEqual(result.completions);
    expect(fromZip.warnings.map((issue) => issue.file)).toEqual([
      'Loop Habits CSV 2015-01-25/Habits.csv',
    ]);
  });

  it('falls back to the wide Checkmarks.csv when there are no per-habit files', async () => {
    const wideOnly = await collectImport([
      diskFile(join(LOOP_DIR, 'Habits.csv'), 'Habits.csv'),
      diskFile(join(LOOP_DIR, 'Checkmarks.csv'), 'Checkmarks.csv'),
    ]);

    expect(wideOnly.habits.map((habit) => habit.name)).toEqual(['Meditate', 'Wake up early']);
    expect(completionsOf(wideOnly, 'Meditate')).toEqual([]);
    expect(completionsOf(wideOnly, 'Wake up early').map((completion) => completion.date)).toEqual([
      '2015-01-25',
      '2015-01-22',
      '2015-01-21',
      '2015-01-20',
      '2015-01-17',
      '2015-01-16',
    ]);
  });

  it('reads the wide Checkmarks.csv alone, naming habits from its header', async () => {
    const alone = await collectImport([
      diskFile(join(LOOP_DIR, 'Checkmarks.csv'), 'Checkmarks.csv'),
    ]);

    expect(alone.habits.map((habit) => [habit.name, habit.kind, habit.schedule])).toEqual([
      ['Meditate', 'boolean', null],
      ['Wake up early', 'boolean', null],
    ]);
    expect(completionsOf(alone, 'Wake up early')).toHaveLength(6);
  });
});

describe('Loop Habit Tracker: dialects built by the test', () => {
  it('reads the format before Loop 2.2: no Type column, headerless numeric checkmarks', async () => {
    const result = await collectImport([
      memoryFile(
        'Habits.csv',
        'Position,Name,Question,Description,NumRepetitions,Interval,Color\n',
        '001,Meditate,Did you meditate?,,1,1,#ff8f00\n',
        '002,Water,How many glasses?,Eight a day,3,7,#00897B\n',
        '003,Stretch,,,1,3,#00897B\n',
      ),
      memoryFile('001 Meditate/Checkmarks.csv', '2020-02-29,2\n2020-02-28,3\n2020-02-27,1\n'),
      memoryFile('002 Water/Checkmarks.csv', '2020-02-29,8000\n2020-02-28,2500\n2020-02-27,0\n'),
      memoryFile('003 Stretch/Checkmarks.csv', '2020-02-26,0\n2020-02-25,-1\n'),
    ]);

    expect(result.habits.map((habit) => [habit.name, habit.kind, habit.schedule])).toEqual([
      ['Meditate', 'boolean', { type: 'daily' }],
      ['Water', 'measurable', { type: 'weekly', times: 3 }],
      ['Stretch', 'boolean', { type: 'interval', interval: 3 }],
    ]);
    expect(result.habits[0]!.color).toBe('#FF8F00');
    expect(completionsOf(result, 'Meditate')).toEqual([
      { date: '2020-02-29', status: 'done', value: null, note: '' },
      { date: '2020-02-28', status: 'skipped', value: null, note: '' },
    ]);
    // Measurable values are stored ×1000 by Loop.
    expect(completionsOf(result, 'Water')).toEqual([
      { date: '2020-02-29', status: 'done', value: 8, note: '' },
      { date: '2020-02-28', status: 'done', value: 2.5, note: '' },
      { date: '2020-02-27', status: 'done', value: 0, note: '' },
    ]);
    expect(completionsOf(result, 'Stretch')).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('reads the oldest format, without a Position column', async () => {
    const result = await collectImport([
      memoryFile(
        'Habits.csv',
        'Name,Description,NumRepetitions,Interval,Color\nRead,Ten pages,10,30,#3F51B5\n',
      ),
      memoryFile('001 Read/Checkmarks.csv', '2016-05-01,2\n'),
    ]);

    expect(result.habits[0]).toMatchObject({
      name: 'Read',
      description: 'Ten pages',
      schedule: { type: 'monthly', times: 10 },
      position: 0,
    });
    expect(completionsOf(result, 'Read')).toHaveLength(1);
  });

  it('reads measurable habits with unit, target, skips, notes and a name with a comma and emoji', async () => {
    const result = await collectImport([
      memoryFile(
        'Habits.csv',
        'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n',
        '001,"Run, 🏃 far",NUMERICAL,How far?,"Long, slow",1,1,#E53935,km,AT_LEAST,5.0,true\n',
        '002,Coffee,NUMERICAL,,,1,1,#6D4C41,cups,AT_MOST,2.0,false\n',
      ),
      // Loop keeps only letters, digits, spaces and ._- of a name in folder names.
      memoryFile(
        '001 Run  far/Checkmarks.csv',
        'Date,Value,Notes\n',
        '2024-03-03,5500,"Windy,\nbut fine"\n',
        '2024-03-02,SKIP,Rest day\n',
        '2024-03-01,UNKNOWN,\n',
        '2024-02-29,NO,\n',
      ),
      memoryFile('002 Coffee/Checkmarks.csv', 'Date,Value,Notes\n2024-03-03,YES_MANUAL,\n'),
    ]);

    expect(result.habits[0]).toEqual({
      key: 'Run, 🏃 far',
      name: 'Run, 🏃 far',
      kind: 'measurable',
      question: 'How far?',
      description: 'Long, slow',
      category: '',
      unit: 'km',
      target: { type: 'atLeast', value: 5 },
      schedule: { type: 'daily' },
      archived: true,
      color: '#E53935',
      position: 0,
    });
    expect(result.habits[1]).toMatchObject({ unit: 'cups', target: { type: 'atMost', value: 2 } });
    expect(completionsOf(result, 'Run, 🏃 far')).toEqual([
      { date: '2024-03-03', status: 'done', value: 5.5, note: 'Windy,\nbut fine' },
      { date: '2024-03-02', status: 'skipped', value: null, note: 'Rest day' },
      { date: '2024-02-29', status: 'done', value: 0, note: '' },
    ]);
    // The word Loop writes for the stored number 2 is taken as that number: 0.002 cups.
    expect(completionsOf(result, 'Coffee')).toEqual([
      { date: '2024-03-03', status: 'done', value: 0.002, note: '' },
    ]);
  });

  it('reports unreadable rows with their file and line and keeps the rest', async () => {
    const result = await collectImport([
      memoryFile(
        'Habits.csv',
        'Position,Name,Type,FrequencyNumerator,FrequencyDenominator\n',
        '001,Floss,YES_NO,1,1\n002,,YES_NO,1,1\n003,Nap,MAYBE,1,1\n',
      ),
      memoryFile(
        '001 Floss/Checkmarks.csv',
        'Date,Value,Notes\n2024-01-02,YES_MANUAL,\n2024-13-01,YES_MANUAL,\n2024-01-01,PERHAPS,\n2024-01-02,YES_MANUAL,again\n',
      ),
    ]);

    expect(result.habits.map((habit) => habit.name)).toEqual(['Floss']);
    expect(completionsOf(result, 'Floss')).toEqual([
      { date: '2024-01-02', status: 'done', value: null, note: '' },
    ]);
    expect(result.errors).toEqual([
      { level: 'error', file: 'Habits.csv', line: 3, message: 'The habit name is empty.' },
      { level: 'error', file: 'Habits.csv', line: 4, message: 'Unknown habit type "MAYBE".' },
      {
        level: 'error',
        file: '001 Floss/Checkmarks.csv',
        line: 3,
        message: 'Unreadable date "2024-13-01".',
      },
      {
        level: 'error',
        file: '001 Floss/Checkmarks.csv',
        line: 4,
        message: 'Unreadable value "PERHAPS" for "Floss".',
      },
    ]);
    expect(result.warnings).toEqual([
      {
        level: 'warning',
        file: '001 Floss/Checkmarks.csv',
        line: 5,
        message: '"Floss" on 2024-01-02 appears twice: the first row was kept.',
      },
    ]);
  });

  it('gives two habits of the same name different keys', async () => {
    const result = await collectImport([
      memoryFile('Habits.csv', 'Position,Name,NumRepetitions\n001,Walk,1\n002,Walk,1\n'),
    ]);

    expect(result.habits.map((habit) => habit.key)).toEqual(['Walk', 'Walk#2']);
  });
});
