import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import {
  commonPasswordCount,
  normalisePassword,
  passwordLength,
  passwordProblem,
  PASSWORD_MIN_LENGTH,
} from './password-policy';

const listFile = path.join(__dirname, '..', '..', 'assets', 'common-passwords.txt');
const listed = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);

// Words unlikely to be on any list, for passphrases that must pass.
const WORDS = ['velvet', 'lantern', 'orbit', 'quietly', 'maple', 'harbour', 'drift', 'kettle'];

describe('the shipped list of common passwords', () => {
  it('is loaded once at start, with thousands of entries', () => {
    expect(commonPasswordCount()).toBe(listed.length);
    expect(listed.length).toBeGreaterThan(5000);
  });

  it('holds only entries that pass the length rule, stored normalised, each once', () => {
    expect(listed.filter((entry) => [...entry].length < PASSWORD_MIN_LENGTH)).toEqual([]);
    expect(listed.filter((entry) => normalisePassword(entry) !== entry)).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('refuses its entries however they are cased or spaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...listed), fc.boolean(), (entry, isUpper) => {
        const typed = `${isUpper ? entry.toUpperCase() : entry}`.replace(/(.{5})/g, '$1 ');

        expect(passwordProblem(typed)).toMatch(/too common/);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    'correct horse battery staple',
    'Password123456789!',
    'iloveyouiloveyou',
    'qwertyuiop123456',
    'Football2024football2024',
  ])('refuses %j', (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });
});

describe('patterns', () => {
  it('refuses one short unit said again and again, whatever the unit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), (unit) => {
        const password = unit.repeat(Math.ceil(PASSWORD_MIN_LENGTH / [...unit].length) + 1);
        fc.pre(passwordLength(password) >= PASSWORD_MIN_LENGTH);

        expect(passwordProblem(password)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any 15-character stretch of counting or a keyboard row, forwards or back', () => {
    const runs = [
      '0123456789012345678901234567890',
      'abcdefghijklmnopqrstuvwxyz',
      'qwertyuiopasdfghjklzxcvbnm',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...runs),
        fc.nat(),
        fc.integer({ min: 15, max: 26 }),
        fc.boolean(),
        (run, start, length, isReversed) => {
          const from = start % Math.max(1, run.length - length);
          const stretch = run.slice(from, from + length);
          fc.pre(stretch.length >= 15);
          const password = isReversed ? [...stretch].reverse().join('') : stretch;

          expect(passwordProblem(password)).not.toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a password made of the email’s name and this site’s words', () => {
    expect(
      passwordProblem('maria.gonzalez 2024!', { email: 'maria.gonzalez@example.test' }),
    ).toMatch(/email/);
    expect(passwordProblem('habit gym tracker 1234', { email: 'x@example.test' })).toMatch(/site/);
    expect(
      passwordProblem('maria lantern orbit quietly', { email: 'maria@example.test' }),
    ).toBeNull();
  });

  it('refuses a password of spaces alone, of any kind', () => {
    const spaces = ' \t\n\u00a0\u2003\u3000\u200b\u2028\u205f\u1680\u2009\u202f\r\u000b\u000c';

    expect(passwordProblem(spaces)).toBe('Must contain more than spaces');
    expect(passwordProblem(' '.repeat(20))).toBe('Must contain more than spaces');
    expect(passwordProblem(`  ${'velvet lantern orbit'}  `)).toBeNull();
  });

  it('refuses NUL characters and lone surrogates', () => {
    expect(passwordProblem('velvet lantern orbit\u0000')).toMatch(/NUL/);
    expect(passwordProblem('velvet lantern orbit\ud800')).toMatch(/Unicode/);
  });
});

describe('no composition rules', () => {
  it('accepts passphrases of plain lower-case words, with or without spaces, digits or symbols', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(WORDS, { minLength: 3, maxLength: 5 }),
        fc.constantFrom(' ', '', '-'),
        (words, separator) => {
          const password = words.join(separator);
          fc.pre(passwordLength(password) >= PASSWORD_MIN_LENGTH);

          expect(passwordProblem(password, { email: 'someone@example.test' })).toBeNull();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('accepts any script and emoji, counted in code points after NFKC', () => {
    expect(passwordProblem('🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵')).toBeNull();
    expect(passwordLength('🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵')).toBe(15);
    expect(passwordProblem('пароль из четырёх слов')).toBeNull();
    expect(passwordProblem('كلمة سر طويلة جدا')).toBeNull();
    // NFKC: the ligature "ﬁ" is two characters, full-width letters are plain ones.
    expect(passwordLength('ﬁ')).toBe(2);
    expect(normalisePassword('ＶＥＬＶＥＴ')).toBe('velvet');
  });
});
