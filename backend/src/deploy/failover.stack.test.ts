import { describeFailures, habitTraffic, sentBetween, startLoad } from '../test/load';
import { allInstancesReady, apiInstances, report, stack, waitUntil } from '../test/stack';
import { sleep, userWithHabit } from '../test/stack-fixtures';

describe('one API instance killed with SIGKILL under load through NGINX', () => {
  it('fails idempotent requests over to the other instance, and PM2 restarts the killed one', async () => {
    const { token, habitId } = await userWithHabit();
    const before = await apiInstances();
    const victim = before[0];
    if (!victim) {
      throw new Error('no API instance is running');
    }

    const load = startLoad({
      baseUrl: stack.baseUrl(),
      token,
      concurrency: 8,
      maxRequests: 30_000,
      maxMs: 40_000,
      next: habitTraffic(habitId),
    });
    await sleep(1000);
    const killedAt = Date.now();
    process.kill(victim.pid, 'SIGKILL');
    // The killed worker's port answers again once PM2 has started its replacement.
    await waitUntil('PM2 to restart the killed instance', allInstancesReady, 30_000);
    const backAt = Date.now();
    // Keep the load on while the restarted instance takes traffic again.
    await sleep(2000);
    const summary = await load.stop();

    const after = await apiInstances();
    report(
      `SIGKILL one of ${before.length} instances: ${summary.total} requests in ` +
        `${summary.durationMs} ms (${JSON.stringify(summary.byMethod)}), ` +
        `p99 ${summary.p99Ms} ms, slowest ${summary.maxMs} ms, ` +
        `down for ${backAt - killedAt} ms, ` +
        `${summary.idempotentFailures.length} idempotent failed, ` +
        `${summary.nonIdempotentFailures.length} POST/PATCH failed ` +
        describeFailures(summary.failures),
    );
    expect(summary.idempotentFailures).toEqual([]);
    // Requests were sent while the instance was down, and after it came back.
    expect(sentBetween(summary.results, killedAt, backAt).GET).toBeGreaterThan(0);
    expect(sentBetween(summary.results, backAt, Date.now()).GET).toBeGreaterThan(0);
    expect(after[0]?.pid).not.toBe(victim.pid);
    expect(after[0]?.status).toBe('online');
    expect(after[0]?.restarts).toBe(victim.restarts + 1);
    expect(after[1]?.pid).toBe(before[1]?.pid);
  });
});
