import { readFileSync } from 'node:fs';
import path from 'node:path';

import { isWellFormedText } from '../lib/fields';

// NIST SP 800-63B-4, section 3.1.1.2, for a password used as the only factor: at least 15
// characters, at least 64 allowed, any Unicode counted in code points after normalisation, no
// composition rules, and a refusal of values known to be commonly used or expected.
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS_FILE = path.join(__dirname, '..', '..', 'assets', 'common-passwords.txt');

/** Loaded once, when the API starts; `scripts/common-passwords.mjs` writes the file. */
const commonPasswords = new Set(
  readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line !== ''),
);

// Runs people type instead of choosing: counting, the alphabet and keyboard rows, either way.
const RUNS = [
  '0123456789'.repeat(4),
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
];
const RUN_TEXT = RUNS.flatMap((run) => [run, [...run].reverse().join('')]).join(' ');

// Words that belong to this site; a password made of them is the first an attacker tries here.
const SITE_WORDS = ['habit', 'gym', 'tracker', 'workout'];

/** The form compared against the list: NFKC, lower case, letters and digits only. */
export function normalisePassword(password: string): string {
  return password
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Length as NIST counts it: code points of the NFKC form, so an emoji is one character. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/** Whether the text is its first `size` characters said again and again. */
function repeatsEvery(chars: string[], size: number): boolean {
  return chars.every((char, index) => char === chars[index % size]);
}

/**
 * Whether the text is a stretch of a counting run or keyboard row, or anything shorter than the
 * minimum length said again ("aaaa…", "abcabc…", "football2024football2024").
 */
function isPattern(text: string): boolean {
  const chars = [...text];
  if (RUN_TEXT.includes(text)) {
    return true;
  }
  for (let size = 1; size <= chars.length / 2 && size < PASSWORD_MIN_LENGTH; size += 1) {
    if (repeatsEvery(chars, size)) {
      return true;
    }
  }

  return false;
}

/** What is left of the password once the email's name and the site's words are taken out. */
function remainderWithoutContext(normalised: string, email: string | undefined): string {
  const localPart = normalisePassword(email?.split('@')[0] ?? '');
  let rest = normalised;
  for (const word of [localPart, ...SITE_WORDS]) {
    if (word.length >= 3) {
      rest = rest.split(word).join('');
    }
  }

  return rest;
}

const MIN_OWN_CHARACTERS = 6;

/**
 * Why a new password is refused, or null when it is acceptable. Length and type are checked by
 * the validation chain first; this is the blocklist part of the rules.
 */
export function passwordProblem(
  password: string,
  { email }: { email?: string } = {},
): string | null {
  if (password.includes('\u0000') || !isWellFormedText(password)) {
    return 'Must be valid Unicode text without NUL characters';
  }
  // Spaces are allowed anywhere (passphrases), but spaces alone are no secret at all.
  if (/^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u.test(password)) {
    return 'Must contain more than spaces';
  }

  const normalised = normalisePassword(password);
  if (commonPasswords.has(normalised)) {
    return 'This password is too common; choose a few unrelated words instead';
  }
  const folded = password.normalize('NFKC').toLowerCase();
  if (isPattern(folded) || (normalised.length > 0 && isPattern(normalised))) {
    return 'Repeated text or runs such as "abcd" or "1234" are too easy to guess';
  }
  const remainder = remainderWithoutContext(normalised, email);
  if (remainder !== normalised && (remainder.length < MIN_OWN_CHARACTERS || isPattern(remainder))) {
    return 'Too close to your email address or the name of this site';
  }

  return null;
}

/** How many passwords the shipped list holds (for tests and the hardening report). */
export function commonPasswordCount(): number {
  return commonPasswords.size;
}
