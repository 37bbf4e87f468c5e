import { Readable } from 'node:stream';

import fc from 'fast-check';

import { CsvTokenizer, formatCsvField, formatCsvRow, readCsv, type CsvRecord } from './csv';
import { ImportFileError } from './errors';

function tokenize(chunks: string[], delimiter = ','): CsvRecord[] {
  const tokenizer = new CsvTokenizer({ delimiter, file: 'test.csv' });
  return [...chunks.flatMap((chunk) => tokenizer.push(chunk)), ...tokenizer.end()];
}

/** Every way of cutting `text` in two, to prove chunk boundaries change nothing. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, index) => [
    text.slice(0, index),
    text.slice(index),
  ]);
}

function errorOf(action: () => unknown): ImportFileError {
  try {
    action();
  } catch (error) {
    if (error instanceof ImportFileError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('CsvTokenizer', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"Run, then swim","He said ""go""\r\nnow"\r\nplain,\r\n';

    expect(tokenize([text])).toEqual([
      { fields: ['name', 'note'], line: 1 },
      { fields: ['Run, then swim', 'He said "go"\r\nnow'], line: 2 },
      { fields: ['plain', ''], line: 4 },
    ]);
  });

  it('gives the same records wherever the text is cut into chunks', () => {
    const text = 'a;"b\r\n""c"""\r\n\r\n"d";e\rf;g\n"h"';
    const whole = tokenize([text], ';');

    expect(whole).toEqual([
      { fields: ['a', 'b\r\n"c"'], line: 1 },
      { fields: ['d', 'e'], line: 4 },
      { fields: ['f', 'g'], line: 5 },
      { fields: ['h'], line: 6 },
    ]);
    for (const chunks of everySplit(text)) {
      expect(tokenize(chunks, ';')).toEqual(whole);
    }
  });

  it('counts CRLF, LF and lone CR each as one line', () => {
    expect(tokenize(['a\r\nb\nc\rd']).map((record) => record.line)).toEqual([1, 2, 3, 4]);
  });

  it('skips blank lines and lines of empty fields but keeps counting them', () => {
    expect(tokenize(['a\n\n,,\n  x\n'])).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['  x'], line: 4 },
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text, without swallowing later lines', () => {
    expect(tokenize(['4,5"6\n7,8\n'])).toEqual([
      { fields: ['4', '5"6'], line: 1 },
      { fields: ['7', '8'], line: 2 },
    ]);
  });

  it('appends text that follows a closing quote', () => {
    expect(tokenize(['"abc"def,g\n'])).toEqual([{ fields: ['abcdef', 'g'], line: 1 }]);
  });

  it('fails with UNTERMINATED_QUOTE at the record that is cut inside quotes', () => {
    const error = errorOf(() => tokenize(['a,b\n1,2\n3,"never closed\nmore']));

    expect(error.problem).toBe('UNTERMINATED_QUOTE');
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'test.csv, line 3: The file ends inside a quoted value: it looks truncated.',
    );
  });

  it('fails with RECORD_TOO_LARGE as soon as a record passes the limit', () => {
    const tokenizer = new CsvTokenizer({ delimiter: ',', file: 'big.csv', maxRecordChars: 10 });
    tokenizer.push('ok\n12345');

    const error = errorOf(() => tokenizer.push('678901'));
    expect(error.problem).toBe('RECORD_TOO_LARGE');
    expect(error.line).toBe(2);
  });

  it('refuses a delimiter that cannot work', () => {
    expect(() => new CsvTokenizer({ delimiter: '"', file: 'x' })).toThrow('Unusable CSV');
  });
});

describe('readCsv', () => {
  it('reads from an async stream of chunks', async () => {
    const chunks = Readable.from(['x;y\n"1', ';2";3\n']);
    const records = [];
    for await (const record of readCsv(chunks, { delimiter: ';', file: 'f' })) {
      records.push(record);
    }

    expect(records).toEqual([
      { fields: ['x', 'y'], line: 1 },
      { fields: ['1;2', '3'], line: 2 },
    ]);
  });
});

describe('formatCsvField and formatCsvRow', () => {
  it('quotes only what must be quoted, by RFC 4180', () => {
    expect(formatCsvRow(['Push-ups', 'Read, write', 'say "hi"', 'two\nlines', ''])).toBe(
      'Push-ups,"Read, write","say ""hi""","two\nlines",\r\n',
    );
  });

  it('keeps emoji and other non-Latin text as is', () => {
    expect(formatCsvRow(['🏋️ Squat', 'Спорт', '水を飲む'])).toBe('🏋️ Squat,Спорт,水を飲む\r\n');
  });

  it('writes numbers, booleans and empty values as plain text', () => {
    expect(formatCsvRow([102.058283, 0, true, null, undefined])).toBe('102.058283,0,true,,\r\n');
  });

  it('quotes edge spaces and a leading quote so that they survive', () => {
    expect(formatCsvField(' padded ')).toBe('" padded "');
    expect(formatCsvField('"quoted" start')).toBe('"""quoted"" start"');
    expect(formatCsvField('a;b', ';')).toBe('"a;b"');
  });
});

describe('writing then reading CSV', () => {
  const field = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', ',', '"', '""', '\r\n', '\n', '\r', ' a ', 'a,b', '🏋️'),
  );
  // A record of only empty fields is a blank line, which the reader skips by design.
  const record = fc
    .array(field, { minLength: 1, maxLength: 6 })
    .filter((fields) => fields.some((value) => value !== ''));

  it('gives back every record exactly, however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.nat({ max: 40 }), { maxLength: 10 }),
        (records, delimiter, cuts) => {
          const text = records.map((fields) => formatCsvRow(fields, delimiter)).join('');
          const positions = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort(
            (left, right) => left - right,
          );
          const chunks = [0, ...positions].map((start, index) =>
            text.slice(start, positions[index] ?? text.length),
          );

          const read = tokenize(chunks, delimiter).map((item) => item.fields);
          expect(read).toEqual(records);
        },
      ),
    );
  });
});
