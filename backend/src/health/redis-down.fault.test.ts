import { execFileSync } from 'node:child_process';

import { api, useTestServices } from '../test/setup';
import { redis } from '../lib/redis';

useTestServices();

// Runs alone (scripts/test.sh runs *.fault.test.ts files one at a time, after the others): it
// stops the real test Redis and starts it again on the same port.
describe('GET /api/health with Redis stopped', () => {
  const port = new URL(process.env.REDIS_URL ?? '').port;
  const pidFile = process.env.TEST_REDIS_PIDFILE ?? '';

  it('answers 503 naming redis, then 200 once Redis is back, without a restart', async () => {
    // The test Redis stays down only as long as this test: `afterAll` needs it back.
    execFileSync('redis-cli', ['-p', port, 'shutdown', 'nosave']);
    await waitFor(() => redis.status !== 'ready');

    const down = await api().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'fail',
      failing: ['redis'],
      checks: { redis: { status: 'fail' } },
    });

    execFileSync('redis-server', [
      '--bind',
      '127.0.0.1',
      '--port',
      port,
      '--daemonize',
      'yes',
      '--pidfile',
      pidFile,
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await waitFor(() => redis.status === 'ready', 10000);

    const up = await api().get('/api/health');
    expect(up.status).toBe(200);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
