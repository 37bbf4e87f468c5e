import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  EXPORT_SECTIONS,
  type ExportAccount,
  type ExportSectionName,
} from '../../exports/schema';
import { ImportFileError } from '../errors';

/*
 * Reads our own export document (exports/schema.ts) as a stream: the header members first, then
 * each item of each section as soon as it is complete. Only one item is held at a time, so an
 * account of any size is read in bounded memory, whatever the document's layout (one item per
 * line as we write it, pretty-printed, or minified).
 *
 * The scanner below splits the top-level object into members and each section array into
 * items, tracking only nesting depth and string state; each piece is then given to JSON.parse,
 * which does the real validation. The header members (format, schemaVersion) must come before
 * the first section, as they do in every document we write.
 */

/** A habit with twenty years of daily completions is about half a megabyte. */
export const MAX_EXPORT_ITEM_CHARS = 32 * 1024 * 1024;

export type ExportPart =
  | {
      type: 'header';
      format: string;
      schemaVersion: number;
      exportedAt: string;
      account: ExportAccount;
    }
  | { type: 'item'; section: ExportSectionName; item: unknown; line: number };

type Stage =
  | 'begin'
  | 'keyOrEnd'
  | 'key'
  | 'colon'
  | 'valueStart'
  | 'value'
  | 'afterMember'
  | 'itemOrEnd'
  | 'itemStart'
  | 'item'
  | 'afterItem'
  | 'done';

const SECTION_NAMES = new Set<string>(EXPORT_SECTIONS);

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t';
}

/** The push-based core: feed text chunks, collect the members and items each completes. */
export class ExportScanner {
  private stage: Stage = 'begin';
  private line = 1;
  private key = '';
  private raw = '';
  private rawLine = 1;
  private segmentStart = -1;
  private depth = 0;
  private isInString = false;
  private isEscaped = false;
  private isScalar = false;
  private readonly header: Record<string, unknown> = {};
  private hasSentHeader = false;
  private parts: ExportPart[] = [];

  constructor(private readonly file: string) {}

  push(chunk: string): ExportPart[] {
    for (let index = 0; index < chunk.length; index += 1) {
      const char = chunk[index]!;
      if (this.segmentStart === -1) {
        this.stepOutside(char, index);
      } else if (this.stepInside(char, chunk, index)) {
        // A number or literal ends at the character after it, which belongs to the next stage.
        this.stepOutside(char, index);
      }
      if (char === '\n') {
        this.line += 1;
      }
    }
    if (this.segmentStart !== -1) {
      this.raw += chunk.slice(this.segmentStart);
      this.segmentStart = 0;
      this.checkSize();
    }
    const parts = this.parts;
    this.parts = [];
    return parts;
  }

  end(): ExportPart[] {
    if (this.stage !== 'done') {
      throw this.error('The document ends early: it looks truncated.');
    }
    return [];
  }

  private error(detail: string): ImportFileError {
    return new ImportFileError('BAD_JSON', { file: this.file, line: this.line, detail });
  }

  /** Between values: punctuation and keys of the top-level object and its section arrays. */
  private stepOutside(char: string, index: number): void {
    if (isSpace(char)) {
      return;
    }
    switch (this.stage) {
      case 'begin':
        return this.expect(char === '{', 'keyOrEnd');
      case 'keyOrEnd':
        if (char === '}') {
          this.stage = 'done';
          return;
        }
        return this.startKey(char, index);
      case 'colon':
        return this.expect(char === ':', 'valueStart');
      case 'valueStart':
        if (char === '[' && SECTION_NAMES.has(this.key)) {
          this.sendHeader();
          this.stage = 'itemOrEnd';
          return;
        }
        this.startSegment(char, index, 'value');
        return;
      case 'afterMember':
        if (char === '}') {
          this.stage = 'done';
          return;
        }
        return this.expect(char === ',', 'key');
      case 'key':
        return this.startKey(char, index);
      case 'itemOrEnd':
        if (char === ']') {
          this.stage = 'afterMember';
          return;
        }
        this.startSegment(char, index, 'item');
        return;
      case 'itemStart':
        this.startSegment(char, index, 'item');
        return;
      case 'afterItem':
        if (char === ']') {
          this.stage = 'afterMember';
          return;
        }
        return this.expect(char === ',', 'itemStart');
      case 'done':
        throw this.error(`Unexpected "${char}" after the end of the document.`);
      case 'value':
      case 'item':
        throw new Error(`ExportScanner: stage ${this.stage} outside a segment`);
    }
  }

  private expect(isExpected: boolean, next: Stage): void {
    if (!isExpected) {
      throw this.error('This is not an export document of this app.');
    }
    this.stage = next;
  }

  private startKey(char: string, index: number): void {
    if (char !== '"') {
      throw this.error('This is not an export document of this app.');
    }
    this.startSegment(char, index, 'key');
  }

  private startSegment(char: string, index: number, stage: Stage): void {
    this.stage = stage;
    this.segmentStart = index;
    this.raw = '';
    this.rawLine = this.line;
    this.depth = char === '{' || char === '[' ? 1 : 0;
    this.isInString = char === '"';
    this.isEscaped = false;
    this.isScalar = !this.isInString && this.depth === 0;
    if (char === '}' || char === ']' || char === ',' || char === ':') {
      throw this.error(`Unexpected "${char}".`);
    }
  }

  /** Inside a key, value or item; returns true when the character ended a scalar before it. */
  private stepInside(char: string, chunk: string, index: number): boolean {
    if (this.isInString) {
      if (this.isEscaped) {
        this.isEscaped = false;
      } else if (char === '\\') {
        this.isEscaped = true;
      } else if (char === '"') {
        this.isInString = false;
        if (this.depth === 0) {
          this.finishSegment(chunk, index + 1);
        }
      }
      return false;
    }
    if (this.isScalar) {
      if (isSpace(char) || char === ',' || char === '}' || char === ']') {
        this.finishSegment(chunk, index);
        return true;
      }
      return false;
    }
    if (char === '"') {
      this.isInString = true;
    } else if (char === '{' || char === '[') {
      this.depth += 1;
    } else if (char === '}' || char === ']') {
      this.depth -= 1;
      if (this.depth === 0) {
        this.finishSegment(chunk, index + 1);
      }
    }
    return false;
  }

  private checkSize(): void {
    if (this.raw.length > MAX_EXPORT_ITEM_CHARS) {
      throw new ImportFileError('RECORD_TOO_LARGE', { file: this.file, line: this.rawLine });
    }
  }

  private finishSegment(chunk: string, end: number): void {
    this.raw += chunk.slice(this.segmentStart, end);
    this.segmentStart = -1;
    this.checkSize();
    const value = this.parse(this.raw);
    this.raw = '';

    switch (this.stage) {
      case 'key':
        this.key = value as string;
        this.stage = 'colon';
        return;
      case 'value':
        this.header[this.key] = value;
        this.stage = 'afterMember';
        return;
      case 'item':
        this.parts.push({
          type: 'item',
          section: this.key as ExportSectionName,
          item: value,
          line: this.rawLine,
        });
        this.stage = 'afterItem';
        return;
      case 'begin':
      case 'keyOrEnd':
      case 'colon':
      case 'valueStart':
      case 'afterMember':
      case 'itemOrEnd':
      case 'itemStart':
      case 'afterItem':
      case 'done':
        throw new Error(`ExportScanner: segment ended in stage ${this.stage}`);
    }
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ImportFileError('BAD_JSON', {
        file: this.file,
        line: this.rawLine,
        detail: error instanceof Error ? error.message : undefined,
        cause: error,
      });
    }
  }

  /** Checks the header once, when the first section starts. */
  private sendHeader(): void {
    if (this.hasSentHeader) {
      return;
    }
    const { format, schemaVersion, exportedAt, account } = this.header;
    if (format !== EXPORT_FORMAT) {
      throw new ImportFileError('UNKNOWN_FORMAT', {
        file: this.file,
        detail: `Its "format" is not "${EXPORT_FORMAT}".`,
      });
    }
    if (schemaVersion !== EXPORT_SCHEMA_VERSION) {
      throw new ImportFileError('UNSUPPORTED_VERSION', {
        file: this.file,
        detail: `It has version ${JSON.stringify(schemaVersion)}; this app reads version ${EXPORT_SCHEMA_VERSION}.`,
      });
    }
    if (typeof exportedAt !== 'string' || typeof account !== 'object' || account === null) {
      throw this.error('The document lacks "exportedAt" or "account" before its data.');
    }
    this.hasSentHeader = true;
    this.parts.push({
      type: 'header',
      format,
      schemaVersion,
      exportedAt,
      account: account as ExportAccount,
    });
  }
}

/** Reads an export document from text chunks; see ExportScanner. */
export async function* readExportJson(
  text: AsyncIterable<string>,
  file: string,
): AsyncGenerator<ExportPart> {
  const scanner = new ExportScanner(file);
  for await (const chunk of text) {
    yield* scanner.push(chunk);
  }
  yield* scanner.end();
}
