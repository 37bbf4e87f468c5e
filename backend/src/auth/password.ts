import { createHash } from 'node:crypto';

import bcrypt from 'bcryptjs';

import { config } from '../lib/config';

/**
 * bcrypt reads at most 72 bytes, so two long passwords sharing their first 72 bytes would both
 * match. We hash the normalised password with SHA-256 first and give bcrypt its 44-character
 * base64 digest, which has no NUL bytes and keeps every byte of the password significant.
 */
function prehash(password: string): string {
  return createHash('sha256').update(password.normalize('NFKC'), 'utf8').digest('base64');
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(prehash(password), config.bcryptCost);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for logins with an unknown email, so that timing does not
 * reveal which emails are registered.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password that never matches anything');
  await verifyPassword(password, await dummyHash);

  return false;
}
