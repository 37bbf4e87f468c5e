import { describeFailures, habitTraffic, sentBetween, startLoad } from '../test/load';
import {
  allInstancesReady,
  apiInstances,
  pm2Async,
  reloadApiLikeDeploy,
  report,
  stack,
  waitUntil,
} from '../test/stack';
import { sleep, userWithHabit } from '../test/stack-fixtures';

const reloads = [
  ['pm2 reload api', () => pm2Async('reload', 'api')],
  ['pm2 startOrReload ecosystem.config.js --update-env (npm start, deploy)', reloadApiLikeDeploy],
] as const;

describe.each(reloads)('%s under load through NGINX', (name, reload) => {
  it('drops no request, POSTs included, while every instance is replaced', async () => {
    const { token, habitId } = await userWithHabit();
    const before = await apiInstances();
    expect(before.map((instance) => instance.status)).toEqual(stack.apiPorts().map(() => 'online'));

    const load = startLoad({
      baseUrl: stack.baseUrl(),
      token,
      concurrency: 8,
      maxRequests: 30_000,
      maxMs: 40_000,
      next: habitTraffic(habitId),
    });
    await sleep(1000);
    const reloadStarted = Date.now();
    await reload();
    const reloadEnded = Date.now();
    await sleep(1000);
    const summary = await load.stop();

    const after = await apiInstances();
    report(
      `${name}: ${summary.total} requests in ${summary.durationMs} ms ` +
        `(${JSON.stringify(summary.byMethod)}), p99 ${summary.p99Ms} ms, ` +
        `slowest ${summary.maxMs} ms, reload took ${reloadEnded - reloadStarted} ms, ` +
        `${JSON.stringify(sentBetween(summary.results, reloadStarted, reloadEnded))} sent during it, ` +
        `${summary.failures.length} failed ` +
        describeFailures(summary.failures),
    );
    expect(summary.failures).toEqual([]);
    // The load ran while PM2 replaced the workers, writes included.
    const during = sentBetween(summary.results, reloadStarted, reloadEnded);
    expect(during).toMatchObject({
      GET: expect.any(Number),
      POST: expect.any(Number),
      PATCH: expect.any(Number),
      PUT: expect.any(Number),
    });
    // Every worker is a new process, and the load reached the stack before, during and after.
    for (const [index, instance] of after.entries()) {
      expect(instance.pid).not.toBe(before[index]?.pid);
      expect(instance.status).toBe('online');
    }
    // Each worker on its own port again (allInstancesReady asks each port).
    await waitUntil('every instance ready on its own port', allInstancesReady, 15_000);
  });
});
