import mongoose from 'mongoose';

import { config } from './config';
import { logger } from './logger';

// Operator objects such as `{ $gt: '' }` never reach a filter: every input is type-checked by
// express-validator and Express 5's simple query parser never builds objects. `sanitizeFilter`
// would also rewrite our own range queries, so it stays off.
mongoose.set('strictQuery', true);

/** Connects mongoose; production points MONGODB_URI at a replica set, locally it is FerretDB. */
export async function connectDatabase(uri = config.mongoUri): Promise<typeof mongoose> {
  mongoose.connection.on('disconnected', () => logger.warn('database disconnected'));
  mongoose.connection.on('reconnected', () => logger.info('database reconnected'));

  await mongoose.connect(uri, {
    // Fail a request quickly with a 503 rather than queueing it while the database is away.
    bufferCommands: false,
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: 3000,
    socketTimeoutMS: 20000,
    maxPoolSize: 20,
    writeConcern: { w: 'majority' },
    retryWrites: true,
    autoIndex: true,
  });
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));

  return mongoose;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** Answers whether the database responds to a ping within the timeout. */
export async function pingDatabase(timeoutMs = 1000): Promise<void> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== mongoose.ConnectionStates.connected) {
    throw new Error('database not connected');
  }

  await withTimeout(db.admin().ping(), timeoutMs, 'database ping timed out');
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });

  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
