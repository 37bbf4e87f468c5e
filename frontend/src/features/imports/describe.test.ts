import { describe, expect, it } from '@jest/globals';

import { ApiError } from '@/lib/errors';
import {
  checkImportFile,
  describeAlreadyImported,
  describeFormat,
  describeMoreProblems,
  describePreviewCounts,
  describeProblemCount,
  describeProgress,
  describeResult,
  describeUploadFailure,
  formatFileSize,
  isNothingNew,
  MAX_IMPORT_BYTES,
  progressPercent,
} from './describe';
import type { ImportPreview } from './types';

function buildPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: 'strong',
    fileName: 'strong.csv',
    counts: { habits: 0, days: 0, workouts: 0, sets: 0, exercises: 0 },
    exercises: { matched: 0, created: 0 },
    alreadyImported: { habits: 0, days: 0, workouts: 0 },
    problems: [],
    problemCount: 0,
    ...overrides,
  };
}

describe('describeFormat', () => {
  it.each([
    ['loop', 'Loop Habit Tracker'],
    ['habitbull', 'HabitBull'],
    ['strong', 'Strong'],
    ['hevy', 'Hevy'],
    ['export-json', 'Habit & Gym (our own export)'],
    ['fitnotes', 'fitnotes'],
  ])('%s → %s', (format, expected) => {
    expect(describeFormat(format)).toBe(expected);
  });
});

describe('describePreviewCounts', () => {
  it('describes a workout file with its catalog matches and new exercises', () => {
    const preview = buildPreview({
      counts: { habits: 0, days: 0, workouts: 10, sets: 166, exercises: 56 },
      exercises: { matched: 15, created: 4 },
    });

    expect(describePreviewCounts(preview)).toEqual([
      '10 workouts with 166 sets',
      '19 exercises: 15 found in the catalog, 4 new ones of your own',
    ]);
  });

  it('describes a habit file in the singular where there is one', () => {
    const preview = buildPreview({
      format: 'loop',
      counts: { habits: 1, days: 1, workouts: 0, sets: 0, exercises: 0 },
    });

    expect(describePreviewCounts(preview)).toEqual(['1 habit with 1 day of history']);
  });

  it('describes both halves of our own export, with thousands separated', () => {
    const preview = buildPreview({
      format: 'export-json',
      counts: { habits: 4, days: 1204, workouts: 1, sets: 3, exercises: 1 },
      exercises: { matched: 0, created: 1 },
    });

    expect(describePreviewCounts(preview)).toEqual([
      '4 habits with 1,204 days of history',
      '1 workout with 3 sets',
      '1 exercise: 1 new one of your own',
    ]);
  });

  it('names only the catalog when every exercise is found there', () => {
    const preview = buildPreview({
      counts: { habits: 0, days: 0, workouts: 2, sets: 12, exercises: 3 },
      exercises: { matched: 1, created: 0 },
    });

    expect(describePreviewCounts(preview)).toEqual([
      '2 workouts with 12 sets',
      '1 exercise: 1 found in the catalog',
    ]);
  });

  it('is empty for a file with nothing in it', () => {
    expect(describePreviewCounts(buildPreview())).toEqual([]);
  });
});

describe('describeAlreadyImported', () => {
  it('is null when nothing was imported before', () => {
    expect(describeAlreadyImported(buildPreview())).toBeNull();
  });

  it('uses "is" for one item', () => {
    const preview = buildPreview({ alreadyImported: { habits: 0, days: 0, workouts: 1 } });

    expect(describeAlreadyImported(preview)).toBe(
      '1 workout is already in your account and will be skipped.',
    );
  });

  it('lists every kind with "and"', () => {
    const preview = buildPreview({ alreadyImported: { habits: 2, days: 35, workouts: 3 } });

    expect(describeAlreadyImported(preview)).toBe(
      '2 habits, 35 days and 3 workouts are already in your account and will be skipped.',
    );
  });
});

describe('isNothingNew', () => {
  it('is true when everything in the file is already there', () => {
    const preview = buildPreview({
      counts: { habits: 2, days: 35, workouts: 3, sets: 40, exercises: 5 },
      alreadyImported: { habits: 2, days: 35, workouts: 3 },
    });

    expect(isNothingNew(preview)).toBe(true);
  });

  it('is false when one workout is new', () => {
    const preview = buildPreview({
      counts: { habits: 0, days: 0, workouts: 4, sets: 40, exercises: 5 },
      alreadyImported: { habits: 0, days: 0, workouts: 3 },
    });

    expect(isNothingNew(preview)).toBe(false);
  });
});

describe('problems', () => {
  it('counts the problems, whose parts of the file will be left out', () => {
    expect(describeProblemCount(1)).toBe(
      '1 problem found: the part of the file it names will be left out.',
    );
    expect(describeProblemCount(2345)).toBe(
      '2,345 problems found: the parts of the file they name will be left out.',
    );
  });

  it('says how many more there are than the table lists', () => {
    expect(describeMoreProblems(100, 100)).toBeNull();
    expect(describeMoreProblems(3, 3)).toBeNull();
    expect(describeMoreProblems(101, 100)).toBe('and 1 more');
    expect(describeMoreProblems(2345, 100)).toBe('and 2,245 more');
  });
});

describe('describeResult', () => {
  it('lists what was written and what was skipped', () => {
    expect(
      describeResult({ habits: 2, days: 35, workouts: 10, sets: 159, exercises: 56, skipped: 1 }),
    ).toBe(
      'Imported 2 habits (35 days) and 10 workouts (159 sets). 1 item was skipped (already imported, or left out).',
    );
  });

  it('says when a second import of the same file wrote nothing', () => {
    expect(
      describeResult({ habits: 0, days: 0, workouts: 0, sets: 0, exercises: 0, skipped: 178 }),
    ).toBe('Nothing new was imported. 178 items were skipped (already imported, or left out).');
  });
});

describe('progress', () => {
  it.each([
    [{ done: 0, total: 400 }, 0],
    [{ done: 120, total: 400 }, 30],
    [{ done: 399, total: 400 }, 99],
    [{ done: 400, total: 400 }, 100],
    [{ done: 500, total: 400 }, 100],
    [{ done: 0, total: 0 }, 100],
  ])('%j is %p%', (progress, expected) => {
    expect(progressPercent(progress)).toBe(expected);
  });

  it('reads as items written', () => {
    expect(describeProgress({ done: 1200, total: 4000 })).toBe('1,200 of 4,000 items written');
    expect(describeProgress({ done: 0, total: 1 })).toBe('0 of 1 item written');
  });
});

describe('files', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [16385, '16 KB'],
    [MAX_IMPORT_BYTES, '64 MB'],
    [2.5 * 1024 * 1024, '2.5 MB'],
  ])('%p bytes read as %s', (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });

  it('refuses an empty or too large file before sending it', () => {
    expect(checkImportFile({ size: 0 })).toBe(
      'The file is empty. Choose the file your other app exported.',
    );
    expect(checkImportFile({ size: 100 * 1024 * 1024 })).toBe(
      'The file is 100 MB, larger than the 64 MB an import takes.',
    );
    expect(checkImportFile({ size: MAX_IMPORT_BYTES + 1 })).not.toBeNull();
    expect(checkImportFile({ size: MAX_IMPORT_BYTES })).toBeNull();
    expect(checkImportFile({ size: 16385 })).toBeNull();
  });
});

describe('describeUploadFailure', () => {
  it("shows the API's reason for a refused file", () => {
    const error = new ApiError({
      code: 'VALIDATION_FAILED',
      status: 422,
      details: [
        { field: 'file', message: 'The file ends inside a quoted value: it looks truncated.' },
      ],
    });

    expect(describeUploadFailure(error)).toEqual({
      title: 'The file cannot be imported.',
      reason: 'The file ends inside a quoted value: it looks truncated.',
    });
  });

  it('names the size limit for a 413 without details', () => {
    const error = new ApiError({ code: 'PAYLOAD_TOO_LARGE', status: 413 });

    expect(describeUploadFailure(error)).toEqual({
      title: 'The file cannot be imported.',
      reason: 'The file is larger than the 64 MB an import takes.',
    });
  });

  it('asks to wait while another import runs (409)', () => {
    const error = new ApiError({ code: 'CONFLICT', status: 409 });

    expect(describeUploadFailure(error)).toEqual({
      title: 'Another import is still running.',
      reason: 'Wait for it to finish (see Recent imports), then try again.',
    });
  });

  it('does not blame the file when the network failed', () => {
    const error = new ApiError({ code: 'NETWORK_ERROR' });

    expect(describeUploadFailure(error)).toEqual({
      title: 'The file could not be sent.',
      reason: 'Cannot reach the server. Check your connection and try again.',
    });
  });
});
