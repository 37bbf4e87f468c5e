import { beginShutdown } from '../lib/lifecycle';
import { api, useTestServices } from '../test/setup';

useTestServices();

// A file of its own: beginShutdown() cannot be undone within a process.
describe('GET /api/health/live and /api/health/ready', () => {
  it('answers 200 to both while the process serves, never cached', async () => {
    const live = await api().get('/api/health/live');
    const ready = await api().get('/api/health/ready');

    expect({ status: live.status, body: live.body }).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 200,
      body: { status: 'ok', ready: true },
    });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it('turns readiness to 503 as soon as shutdown begins, while liveness stays 200', async () => {
    beginShutdown();

    const ready = await api().get('/api/health/ready');
    const live = await api().get('/api/health/live');

    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 503,
      body: { status: 'fail', ready: false, reason: 'shutting down' },
    });
    expect(live.status).toBe(200);
  });
});
