/** Why a whole file could not be imported (as opposed to one row of it). */
export const FILE_PROBLEMS = {
  EMPTY_FILE: 'The file is empty.',
  BINARY_FILE: 'The file is not a text (CSV) file or a zip archive.',
  UNKNOWN_FORMAT: 'The file is not an export of Loop Habit Tracker, HabitBull, Strong or Hevy.',
  NO_DATA: 'The file has a header but no data.',
  NO_READABLE_ROWS: 'No row of the file could be read.',
  UNTERMINATED_QUOTE: 'The file ends inside a quoted value: it looks truncated.',
  RECORD_TOO_LARGE: 'A line of the file is far longer than any export writes.',
  BAD_ZIP: 'The zip archive is damaged or truncated.',
  MISSING_COLUMNS: 'The file lacks columns the format needs.',
  TOO_MANY_FILES: 'The upload holds more files than an export does.',
  BAD_JSON: 'The file is not a valid export document.',
  UNSUPPORTED_VERSION:
    'The export document comes from a version of this app that this one cannot read.',
} as const;

export type FileProblem = keyof typeof FILE_PROBLEMS;

/**
 * Thrown by the import layer when a file as a whole cannot be used. `message` is safe to show to
 * the user; `file` and `line` say where, when known.
 */
export class ImportFileError extends Error {
  readonly problem: FileProblem;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(
    problem: FileProblem,
    options: { detail?: string; file?: string; line?: number; cause?: unknown } = {},
  ) {
    const where = describeWhere(options.file, options.line);
    const detail = options.detail ? ` ${options.detail}` : '';
    super(`${where}${FILE_PROBLEMS[problem]}${detail}`, { cause: options.cause });
    this.name = 'ImportFileError';
    this.problem = problem;
    this.file = options.file;
    this.line = options.line;
  }
}

function describeWhere(file: string | undefined, line: number | undefined): string {
  if (file && line) {
    return `${file}, line ${line}: `;
  }
  if (file) {
    return `${file}: `;
  }
  return line ? `Line ${line}: ` : '';
}
