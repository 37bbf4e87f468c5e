// A fingerprint of everything the test file has stored, to prove that a refused request wrote
// nothing: each collection's document count and a hash of its documents, and the Redis keys.
import { createHash } from 'node:crypto';

import mongoose from 'mongoose';

import { testKeys } from './setup';

export type Snapshot = Record<string, string>;

/**
 * Counts and hashes of every collection of this file's database, and (unless `withRedis` is
 * false) of its Redis keys.
 */
export async function snapshotData({ withRedis = true } = {}): Promise<Snapshot> {
  const db = mongoose.connection.db;
  if (!db) {
    throw new Error('database not connected');
  }
  const snapshot: Snapshot = {};
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    snapshot[name] = `${docs.length} documents, ${hashOf(docs)}`;
  }
  if (!withRedis) {
    return snapshot;
  }
  // Rate-limit counters count every request, refused ones too; they are not stored data.
  const keys = (await testKeys()).filter((key) => !key.includes(':ratelimit:')).sort();
  snapshot['redis keys'] = `${keys.length} keys, ${hashOf(keys)}`;

  return snapshot;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** Every stored string, to find where a value sent in a request ended up. */
export async function storedText(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) {
    throw new Error('database not connected');
  }
  const parts: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    parts.push(JSON.stringify(await db.collection(name).find({}).toArray()));
  }

  return parts.join('\n');
}
