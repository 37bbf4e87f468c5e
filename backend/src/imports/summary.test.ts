import { importFixture } from '../test/fixtures';
import { openImport } from './read';
import { diskFile } from './sources';
import { MAX_LISTED_ISSUES, summarizeImport } from './summary';
import { memoryFile } from './test/helpers';

describe('summarizeImport (the preview)', () => {
  it('counts the Hevy fixture without keeping its workouts', async () => {
    const opened = await openImport([
      diskFile(importFixture('hevy', 'hevy-metric.csv'), 'hevy-metric.csv'),
    ]);

    expect(await summarizeImport(opened.format, opened.events)).toEqual({
      format: 'hevy',
      habits: 0,
      days: 0,
      workouts: 128,
      exercises: 814,
      sets: 3000,
      errorCount: 0,
      warningCount: 0,
      errors: [],
      warnings: [],
    });
  });

  it('counts habits once even when a habit is announced twice', async () => {
    const opened = await openImport([
      memoryFile(
        'hb.csv',
        'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n',
        'Water,,,2024-01-01,1,\nWater,,,2024-01-02,3,\nRead,,,2024-01-02,1,\n',
      ),
    ]);

    expect(await summarizeImport(opened.format, opened.events)).toMatchObject({
      habits: 2,
      days: 3,
    });
  });

  it(`lists the first ${MAX_LISTED_ISSUES} errors and counts the rest`, async () => {
    const header = 'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n';
    const bad = Array.from({ length: 250 }, () => 'Read,,,not a date,1,\n').join('');
    const opened = await openImport([memoryFile('hb.csv', header, 'Read,,,2024-01-01,1,\n', bad)]);
    const summary = await summarizeImport(opened.format, opened.events);

    expect(summary.errorCount).toBe(250);
    expect(summary.errors).toHaveLength(MAX_LISTED_ISSUES);
    expect(summary.errors[0]).toEqual({
      level: 'error',
      file: 'hb.csv',
      line: 3,
      message: 'Unreadable date "not a date".',
    });
    expect(summary.errors.at(-1)!.line).toBe(102);
  });
});
