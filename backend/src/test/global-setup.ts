import { createConnection } from 'node:net';

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Fails fast, with a hint, when the test services are not running. */
export default async function globalSetup(): Promise<void> {
  const dbPort = Number(process.env.TEST_DB_PORT ?? 27117);
  const redisPort = Number(process.env.TEST_REDIS_PORT ?? 6479);
  const missing: string[] = [];
  if (!process.env.TEST_MONGODB_URI_BASE && !(await probe(dbPort))) {
    missing.push(`database on 127.0.0.1:${dbPort}`);
  }
  if (!process.env.TEST_REDIS_URL && !(await probe(redisPort))) {
    missing.push(`Redis on 127.0.0.1:${redisPort}`);
  }
  if (missing.length > 0) {
    throw new Error(
      `Test services not running (${missing.join(', ')}). Run the tests with \`npm test\`.`,
    );
  }
}
