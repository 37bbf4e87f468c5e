import { api, useTestServices } from '../test/setup';
import {
  describeRedisServer,
  startRedisServer,
  stopRedisServer,
  waitFor,
} from '../test/redis-server';
import { redis } from '../lib/redis';

useTestServices();

// Runs alone (scripts/test.sh runs *.fault.test.ts files one at a time, after the others): it
// stops the real test Redis and starts it again on the same port.
describe('GET /api/health with Redis stopped', () => {
  it('answers 503 naming redis, then 200 once Redis is back, without a restart', async () => {
    const server = describeRedisServer();
    // The test Redis stays down only as long as this test: `afterAll` needs it back.
    stopRedisServer(server);
    try {
      await waitFor(() => redis.status !== 'ready');

      const down = await api().get('/api/health');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'fail',
        failing: ['redis'],
        checks: { redis: { status: 'fail' } },
      });
    } finally {
      startRedisServer(server);
    }
    await waitFor(() => redis.status === 'ready');

    const up = await api().get('/api/health');
    expect(up.status).toBe(200);
  });
});
