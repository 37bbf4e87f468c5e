import { describe, expect, it } from '@jest/globals';

import { fileNameFromContentDisposition } from './download';

describe('fileNameFromContentDisposition', () => {
  it.each([
    [
      'attachment; filename="habit-gym-tracker-2026-12-04.json"',
      'habit-gym-tracker-2026-12-04.json',
    ],
    ['attachment; filename=habits.csv', 'habits.csv'],
    ['attachment;filename=workouts.csv', 'workouts.csv'],
    ['ATTACHMENT; FILENAME="Upper.csv"', 'Upper.csv'],
    ['attachment; filename = "spaced.csv" ', 'spaced.csv'],
    ['inline; filename="report.csv"', 'report.csv'],
    ['filename="no-type.csv"', 'no-type.csv'],
  ])('%j → %j', (header, expected) => {
    expect(fileNameFromContentDisposition(header)).toBe(expected);
  });

  it('keeps a ; and an escaped quote inside a quoted name', () => {
    expect(fileNameFromContentDisposition('attachment; filename="a;b \\"c\\".csv"; size=10')).toBe(
      'a;b "c".csv',
    );
  });

  it('prefers filename* (UTF-8, percent-encoded) over filename, in either order', () => {
    const name = 'Übungen 💪.csv';
    const encoded = encodeURIComponent(name);

    expect(
      fileNameFromContentDisposition(
        `attachment; filename="Ubungen.csv"; filename*=UTF-8''${encoded}`,
      ),
    ).toBe(name);
    expect(
      fileNameFromContentDisposition(
        `attachment; filename*=utf-8'en'${encoded}; filename="Ubungen.csv"`,
      ),
    ).toBe(name);
  });

  it('falls back to filename when filename* has another charset or broken encoding', () => {
    expect(
      fileNameFromContentDisposition(
        'attachment; filename*=ISO-8859-1\'\'%DCbungen.csv; filename="Ubungen.csv"',
      ),
    ).toBe('Ubungen.csv');
    expect(
      fileNameFromContentDisposition("attachment; filename*=UTF-8''%E0%A4%A.csv; filename=x.csv"),
    ).toBe('x.csv');
  });

  it('drops folders, so a name cannot leave the download folder', () => {
    expect(fileNameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe(
      'passwd',
    );
    expect(fileNameFromContentDisposition('attachment; filename="C:\\\\temp\\\\x.csv"')).toBe(
      'x.csv',
    );
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''..%2F..%2Fa.json")).toBe(
      'a.json',
    );
  });

  it('drops control characters', () => {
    expect(fileNameFromContentDisposition('attachment; filename="a\u0007b\u001f.csv"')).toBe(
      'ab.csv',
    );
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['attachment'],
    ['attachment; size=42'],
    ['attachment; filename=""'],
    ['attachment; filename=".."'],
    ['attachment; filename="/"'],
  ])('%j gives no name', (header) => {
    expect(fileNameFromContentDisposition(header)).toBeNull();
  });
});
