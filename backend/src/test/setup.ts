import mongoose from 'mongoose';
import request from 'supertest';
import type { Express } from 'express';
import type { Response } from 'supertest';

import { createApp } from '../app';
import { createSession } from '../auth/sessions';
import { signAccessToken } from '../auth/tokens';
import { hashPassword } from '../auth/password';
import { connectDatabase, disconnectDatabase } from '../lib/database';
import { config } from '../lib/config';
import { connectRedis, disconnectRedis, redis } from '../lib/redis';
import { UserModel, type UserDocument } from '../users/model';

// Not 'correct horse battery staple': that one is on the common-password list now.
export const TEST_PASSWORD = 'velvet lantern orbit quietly';

let passwordHash: Promise<string> | undefined;
let app: Express | undefined;

/** Connects to the real test database and Redis for this file, and cleans both up after it. */
export function useTestServices(): void {
  beforeAll(async () => {
    await connectDatabase();
    await connectRedis();
  });

  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase();
    await deleteTestKeys();
    await disconnectRedis();
    await disconnectDatabase();
  });
}

async function deleteTestKeys(): Promise<void> {
  if (redis.status !== 'ready') {
    return;
  }
  const unprefixed = (await testKeys()).map((key) => key.slice(config.redisKeyPrefix.length));
  for (let start = 0; start < unprefixed.length; start += 500) {
    await redis.del(...unprefixed.slice(start, start + 500));
  }
}

/**
 * This file's Redis keys, with their prefix. SCAN is fine here: the test Redis holds only test
 * keys. The client prefix is not applied to SCAN patterns or returned keys.
 */
export async function testKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(
      cursor,
      'MATCH',
      `${config.redisKeyPrefix}*`,
      'COUNT',
      500,
    );
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');

  return keys;
}

export function api() {
  app ??= createApp();

  return request(app);
}

export interface TestUser {
  user: UserDocument;
  token: string;
  auth: { Authorization: string };
}

let userCount = 0;

/** Saves a user straight to the database and opens a session for it. */
export async function buildUser(
  overrides: Partial<{ email: string; timezone: string; name: string }> = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  userCount += 1;
  const user = await UserModel.create({
    email: `user${userCount}.${Date.now()}@example.test`,
    name: `Test User ${userCount}`,
    timezone: 'Europe/Berlin',
    ...overrides,
    passwordHash: await passwordHash,
  });
  const { sessionId } = await createSession(user.id, 'jest');
  const token = signAccessToken({ userId: user.id, sessionId });

  return { user, token, auth: { Authorization: `Bearer ${token}` } };
}

/** Asserts the one error shape every endpoint uses. */
export function expectError(res: Response, status: number, code: string, field?: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(typeof res.body.error.message).toBe('string');
  expect(typeof res.body.error.requestId).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  if (field !== undefined) {
    const fields = (res.body.error.details ?? []).map((detail: { field: string }) => detail.field);
    expect(fields).toContain(field);
  }
}
