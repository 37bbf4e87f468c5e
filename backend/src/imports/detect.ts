import { CsvTokenizer, type CsvRecord } from './csv';
import { ImportFileError } from './errors';
import { decodeText } from './text';
import type { ImportFormat, SourceFile } from './types';

/** What a CSV file is, judged from its first record (its header). */
export type CsvKind =
  'hevy' | 'strong' | 'habitbull' | 'loopHabits' | 'loopCheckmarks' | 'loopScores' | 'unknown';

export interface CsvHeader {
  kind: CsvKind;
  delimiter: string;
  /** The first record's fields, trimmed and lower case. */
  names: string[];
}

export type DetectedImport =
  | { format: 'loop'; files: SourceFile[] }
  | { format: Exclude<ImportFormat, 'loop'>; file: SourceFile; delimiter: string }
  /** This app's own JSON export document (exports/schema.ts). */
  | { format: 'export'; file: SourceFile };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/** Whether bytes start like a zip archive (a local file header, or an empty archive's end). */
export function isZipStart(head: Uint8Array): boolean {
  const matches = (magic: number[]) => magic.every((byte, index) => head[index] === byte);
  return matches(ZIP_MAGIC) || matches(EMPTY_ZIP_MAGIC);
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often outside quotes in a line; a comma when there is none. */
export function guessDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let isQuoted = false;
  for (const char of line) {
    if (char === '"') {
      isQuoted = !isQuoted;
    } else if (!isQuoted && counts.has(char)) {
      counts.set(char, counts.get(char)! + 1);
    }
  }
  let best = ',';
  for (const [delimiter, count] of counts) {
    if (count > counts.get(best)!) {
      best = delimiter;
    }
  }

  return best;
}

/** Classifies a header record. Exported for tests. */
export function classifyHeader(names: string[], firstField: string): CsvKind {
  const has = (name: string) => names.includes(name);
  if (has('exercise_title') && (has('set_index') || has('set_type'))) {
    return 'hevy';
  }
  if (has('exercise name') && has('set order')) {
    return 'strong';
  }
  if (names[0] === 'habitname' && has('calendardate')) {
    return 'habitbull';
  }
  if (has('name') && (has('numrepetitions') || has('frequencynumerator'))) {
    return 'loopHabits';
  }
  if (names[0] === 'date' && names.length === 2 && names[1] === 'score') {
    return 'loopScores';
  }
  // Loop's checkmark files: a `Date` header, or (before Loop 2.2) no header and a date first.
  if (names[0] === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(firstField.trim())) {
    return 'loopCheckmarks';
  }
  return 'unknown';
}

/** Whether a record has only spaces in it, as a line of spaces is: not a header. */
function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

/** Reads a CSV file's first record without reading the rest of the file. */
export async function readHeader(file: SourceFile): Promise<CsvHeader> {
  let firstLine = '';
  let tokenizer: CsvTokenizer | undefined;
  let delimiter = ',';
  let first: CsvRecord | undefined;
  const takeFirst = (records: CsvRecord[]) => records.find((record) => !isBlank(record));

  for await (const chunk of decodeText(file.open(), file.path)) {
    if (!tokenizer) {
      firstLine += chunk;
      const text = firstLine.trimStart();
      const lineEnd = text.search(/[\r\n]/);
      // Wait for the whole first line (or 64 KiB of it) before choosing the delimiter.
      if (lineEnd === -1 && text.length < 65536) {
        continue;
      }
      delimiter = guessDelimiter(lineEnd === -1 ? text : text.slice(0, lineEnd));
      tokenizer = new CsvTokenizer({ delimiter, file: file.path });
      first = takeFirst(tokenizer.push(firstLine));
    } else {
      first = takeFirst(tokenizer.push(chunk));
    }
    if (first) {
      break;
    }
  }
  if (!tokenizer) {
    delimiter = guessDelimiter(firstLine.trimStart());
    tokenizer = new CsvTokenizer({ delimiter, file: file.path });
    first = takeFirst(tokenizer.push(firstLine));
  }
  first ??= takeFirst(tokenizer.end());
  if (!first) {
    throw new ImportFileError('EMPTY_FILE', { file: file.path });
  }

  const names = first.fields.map((field) => field.trim().toLowerCase());
  return { kind: classifyHeader(names, first.fields[0] ?? ''), delimiter, names };
}

/** Whether the first character that is not a space is `{`, as in a JSON document. */
async function startsLikeJson(file: SourceFile): Promise<boolean> {
  for await (const chunk of decodeText(file.open(), file.path)) {
    const text = chunk.trimStart();
    if (text !== '') {
      return text.startsWith('{');
    }
  }
  return false;
}

/**
 * Decides which importer reads an upload: this app's JSON export, one CSV file of Strong, Hevy or
 * HabitBull, or the files of a Loop export (its zip already expanded by the caller). Throws UNKNOWN_FORMAT when no
 * file is recognised and TOO_MANY_FILES when the files are not one export.
 */
export async function detectImport(files: SourceFile[]): Promise<DetectedImport> {
  if (files.length === 0) {
    throw new ImportFileError('EMPTY_FILE');
  }

  const [single] = files;
  if (files.length === 1 && single && (await startsLikeJson(single))) {
    return { format: 'export', file: single };
  }

  const headers = [];
  for (const file of files) {
    headers.push({ file, header: await readHeader(file) });
  }
  const workoutOrHabitBull = headers.filter(({ header }) =>
    ['hevy', 'strong', 'habitbull'].includes(header.kind),
  );
  const loop = headers.filter(({ header }) => header.kind.startsWith('loop'));

  if (workoutOrHabitBull.length === 1 && loop.length === 0 && files.length === 1) {
    const [{ file, header }] = workoutOrHabitBull as [(typeof headers)[number]];
    const format = header.kind as Exclude<ImportFormat, 'loop'>;
    return { format, file, delimiter: header.delimiter };
  }
  if (workoutOrHabitBull.length > 0) {
    throw new ImportFileError('TOO_MANY_FILES', {
      detail: 'Send one Strong, Hevy or HabitBull file at a time.',
    });
  }
  const hasLoopData = loop.some(({ header }) => header.kind !== 'loopScores');
  if (hasLoopData && loop.length === files.length) {
    return { format: 'loop', files };
  }

  const unknown = headers.find(({ header }) => header.kind === 'unknown') ?? headers[0]!;
  throw new ImportFileError('UNKNOWN_FORMAT', { file: unknown.file.path });
}
