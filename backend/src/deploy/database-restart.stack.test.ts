import { apiInstances, report, stack, waitUntil } from '../test/stack';
import { isDatabaseRunning, startDatabase, stopDatabase } from '../test/stack-database';
import { userWithHabit } from '../test/stack-fixtures';

const JSON_TYPE = /^application\/json/;

async function healthStatus(): Promise<number> {
  const res = await fetch(`${stack.baseUrl()}/api/health`, { signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();

  return res.status;
}

describe('the database stopped and started again under the running stack', () => {
  afterAll(async () => {
    // Whatever happened above, the next stack test finds the database running.
    if (!(await isDatabaseRunning())) {
      await startDatabase();
    }
  });

  it('answers 503 (health and requests, as JSON) while it is away, then 200 without an API restart', async () => {
    const { token, habitId } = await userWithHabit();
    const auth = { Authorization: `Bearer ${token}` };
    const before = await apiInstances();

    await stopDatabase();
    const stoppedAt = Date.now();
    await waitUntil('health to report the database', async () => (await healthStatus()) === 503);
    const noticedMs = Date.now() - stoppedAt;

    const health = await fetch(`${stack.baseUrl()}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'fail', failing: ['database'] });
    const balancer = await fetch(`${stack.baseUrl()}/health`);
    expect(balancer.status).toBe(503);

    const started = Date.now();
    const outage = await Promise.all([
      fetch(`${stack.baseUrl()}/api/habits/${habitId}`, { headers: auth }),
      fetch(`${stack.baseUrl()}/api/habits`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Written while the database is away' }),
      }),
    ]);
    const outageMs = Date.now() - started;
    for (const res of outage) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(JSON_TYPE);
      expect(res.headers.get('retry-after')).toBe('5');
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      // From the API itself (NGINX's own fallback carries no X-Request-Id header).
      expect(res.headers.get('x-request-id')).toBe(body.error.requestId);
      expect(body.error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily unavailable, please try again shortly',
        requestId: expect.any(String),
      });
    }

    await startDatabase();
    const restartedAt = Date.now();
    await waitUntil('health to recover', async () => (await healthStatus()) === 200, 40_000);
    const recoveredMs = Date.now() - restartedAt;

    const after = await apiInstances();
    expect(after.map(({ pid, restarts }) => ({ pid, restarts }))).toEqual(
      before.map(({ pid, restarts }) => ({ pid, restarts })),
    );
    const read = await fetch(`${stack.baseUrl()}/api/habits/${habitId}`, { headers: auth });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('Stretch');
    const list = await fetch(`${stack.baseUrl()}/api/habits`, { headers: auth });
    const names = ((await list.json()) as { items: Array<{ name: string }> }).items.map(
      (habit) => habit.name,
    );
    expect(names).toEqual(['Stretch']);
    report(
      `database restart: health 503 after ${noticedMs} ms, requests during the outage answered ` +
        `503 JSON in ${outageMs} ms, health 200 again ${recoveredMs} ms after the restart, ` +
        `0 API restarts`,
    );
  });
});
