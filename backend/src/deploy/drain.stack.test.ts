import { readFileSync } from 'node:fs';
import path from 'node:path';

import { allInstancesReady, apiInstances, report, stack, waitUntil } from '../test/stack';

interface Probe {
  status: number;
  connection: string | null;
}

async function probeReady(port: number): Promise<Probe | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`, {
      signal: AbortSignal.timeout(2000),
    });
    await res.arrayBuffer();

    return { status: res.status, connection: res.headers.get('connection') };
  } catch {
    return null;
  }
}

describe('one API instance sent SIGINT, as PM2 does on reload', () => {
  it('answers readiness 503 with Connection: close while it drains, exits cleanly, and PM2 replaces it', async () => {
    const [victim] = await apiInstances();
    const port = stack.apiPorts()[0] as number;
    if (!victim) {
      throw new Error('no API instance is running');
    }

    process.kill(victim.pid, 'SIGINT');
    const probes: Probe[] = [];
    const started = Date.now();
    // Probe the instance's own port through its drain (1.5 s), until it stops answering. The
    // signal reaches the process's event loop asynchronously, so a probe may still be answered
    // 200 (or time out) before the drain begins; only after the first 503 does either end it.
    while (Date.now() - started < 5000) {
      const probe = await probeReady(port);
      const draining = probes.length > 0;
      if (draining && (probe === null || probe.status === 200)) {
        break;
      }
      if (probe !== null && probe.status !== 200) {
        probes.push(probe);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitUntil('PM2 to start a new instance', allInstancesReady, 30_000);

    expect(probes.length).toBeGreaterThan(5);
    expect(new Set(probes.map((probe) => `${probe.status} ${probe.connection}`))).toEqual(
      new Set(['503 close']),
    );
    const lines = readFileSync(path.join(stack.logDir(), 'api-out.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes(`"pid":${victim.pid}`));
    const messages = lines.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toEqual(expect.arrayContaining(['shutting down', 'shutdown complete']));
    expect(messages).not.toContain('forced exit after shutdown timeout');
    const [replacement] = await apiInstances();
    expect(replacement?.pid).not.toBe(victim.pid);
    report(`SIGINT drain: readiness answered 503 with Connection: close ${probes.length} times`);
  });
});
