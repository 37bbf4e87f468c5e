import { ImportFileError } from './errors';

/*
 * A small streaming reader and writer for RFC 4180 CSV.
 *
 * Why our own reader rather than a library: every importer reports rows by the line they start
 * on, and the library we tried (csv-parse 7) reports the line where it stood when it emitted the
 * record, which drifts by one per CRLF line break; with its lenient-quote option a stray quote in
 * an unquoted field swallowed the following lines, and without it the whole file failed. The
 * reader below is about a hundred lines, takes text in chunks of any size, keeps only the record
 * being read, and is checked against the writer by property tests.
 *
 * Reading rules: fields are separated by `delimiter` and records by CRLF, LF or CR. A field that
 * starts with `"` is quoted: it may hold delimiters and line breaks, and `""` stands for `"`.
 * Leniency, as spreadsheets are lenient: a quote inside an unquoted field is kept as text, text
 * after a closing quote is appended, and records with only empty fields (blank lines) are
 * skipped. A file that ends inside a quoted field, or a record longer than `maxRecordChars`,
 * stops the read with an ImportFileError.
 */

export interface CsvRecord {
  fields: string[];
  /** The 1-based line on which the record starts. */
  line: number;
}

export interface CsvReadOptions {
  delimiter: string;
  /** Named in errors. */
  file: string;
  /** The longest record accepted, in characters. */
  maxRecordChars?: number;
}

/** Far above any real export row (Hevy rows with long notes are a few kilobytes). */
export const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/** The push-based core of the reader: feed chunks, collect the records completed by each. */
export class CsvTokenizer {
  private readonly delimiter: string;
  private readonly file: string;
  private readonly maxRecordChars: number;
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private isRecordStarted = false;
  private wasCarriageReturn = false;
  private records: CsvRecord[] = [];

  constructor(options: CsvReadOptions) {
    if (options.delimiter.length !== 1 || /["\r\n]/.test(options.delimiter)) {
      throw new Error(`Unusable CSV delimiter ${JSON.stringify(options.delimiter)}`);
    }
    this.delimiter = options.delimiter;
    this.file = options.file;
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  push(chunk: string): CsvRecord[] {
    let index = 0;
    while (index < chunk.length) {
      index = this.step(chunk, index);
    }
    return this.takeRecords();
  }

  end(): CsvRecord[] {
    if (this.state === 'quoted') {
      throw new ImportFileError('UNTERMINATED_QUOTE', { file: this.file, line: this.recordLine });
    }
    if (this.isRecordStarted) {
      this.endRecord();
    }
    return this.takeRecords();
  }

  private takeRecords(): CsvRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  /** Consumes one token starting at `index`; returns the index after it. */
  private step(chunk: string, index: number): number {
    if (this.state === 'quoted') {
      return this.readQuoted(chunk, index);
    }

    const char = chunk[index];
    // The LF of a CRLF pair: the break was already taken at the CR.
    if (this.wasCarriageReturn) {
      this.wasCarriageReturn = false;
      if (char === '\n') {
        return index + 1;
      }
    }
    if (this.state === 'quoteInQuoted' && char === '"') {
      this.append('"');
      this.state = 'quoted';
      return index + 1;
    }
    if (char === this.delimiter) {
      this.startRecord();
      this.endField();
      return index + 1;
    }
    if (char === '\n' || char === '\r') {
      this.wasCarriageReturn = char === '\r';
      if (this.isRecordStarted) {
        this.endRecord();
      }
      this.line += 1;
      return index + 1;
    }
    if (char === '"' && this.state === 'fieldStart') {
      this.startRecord();
      this.state = 'quoted';
      return index + 1;
    }
    return this.readUnquoted(chunk, index);
  }

  private readQuoted(chunk: string, index: number): number {
    const quote = chunk.indexOf('"', index);
    const end = quote === -1 ? chunk.length : quote;
    const text = chunk.slice(index, end);
    this.countLineBreaks(text);
    this.append(text);
    if (quote === -1) {
      return end;
    }
    this.wasCarriageReturn = false;
    this.state = 'quoteInQuoted';
    return quote + 1;
  }

  private readUnquoted(chunk: string, index: number): number {
    this.startRecord();
    let end = index;
    while (end < chunk.length) {
      const char = chunk[end];
      if (char === this.delimiter || char === '\n' || char === '\r') {
        break;
      }
      end += 1;
    }
    this.append(chunk.slice(index, end));
    this.state = 'unquoted';
    return end;
  }

  /** Line breaks inside a quoted field still count as lines for the records after it. */
  private countLineBreaks(text: string): void {
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index];
      if (char === '\r') {
        this.line += 1;
      } else if (
        char === '\n' &&
        !(index === 0 ? this.wasCarriageReturn : text[index - 1] === '\r')
      ) {
        this.line += 1;
      }
    }
    if (text.length > 0) {
      this.wasCarriageReturn = text.endsWith('\r');
    }
  }

  private startRecord(): void {
    if (!this.isRecordStarted) {
      this.isRecordStarted = true;
      this.recordLine = this.line;
    }
  }

  private append(text: string): void {
    this.recordChars += text.length;
    if (this.recordChars > this.maxRecordChars) {
      throw new ImportFileError('RECORD_TOO_LARGE', {
        file: this.file,
        line: this.recordLine,
        detail: `The limit is ${this.maxRecordChars} characters.`,
      });
    }
    this.field += text;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(): void {
    this.endField();
    const fields = this.fields;
    if (fields.some((field) => field !== '')) {
      this.records.push({ fields, line: this.recordLine });
    }
    this.fields = [];
    this.recordChars = 0;
    this.isRecordStarted = false;
  }
}

/** Reads CSV records from text chunks, holding only the record being read. */
export async function* readCsv(
  text: AsyncIterable<string>,
  options: CsvReadOptions,
): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer(options);
  for await (const chunk of text) {
    yield* tokenizer.push(chunk);
  }
  yield* tokenizer.end();
}

export type CsvValue = string | number | boolean | null | undefined;

/** One field quoted by RFC 4180 when it must be: delimiter, quote, line break or edge spaces. */
export function formatCsvField(value: CsvValue, delimiter = ','): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text = String(value);
  const mustQuote =
    text.includes(delimiter) ||
    /["\r\n]/.test(text) ||
    (text.length > 0 && (text.trim() !== text || text.startsWith('"')));

  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 writes it. */
export function formatCsvRow(values: readonly CsvValue[], delimiter = ','): string {
  return `${values.map((value) => formatCsvField(value, delimiter)).join(delimiter)}\r\n`;
}
