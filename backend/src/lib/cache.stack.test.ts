import { instanceUrl, registerThroughStack, send } from '../test/stack';

// Two PM2 instances share one Redis cache. A write answered by one instance must be visible to a
// read sent right after it to the other, although the other has the old answer cached.
describe('response cache across instances', () => {
  it('never serves a stale read from one instance after a write through the other', async () => {
    const { token } = await registerThroughStack();
    const [first, second] = [instanceUrl(0), instanceUrl(1)];
    const names: string[] = [];
    const stale: string[] = [];
    const primed: string[] = [];
    const outcomes: string[] = [];

    for (let round = 0; round < 10; round += 1) {
      const [writer, reader] = round % 2 === 0 ? [first, second] : [second, first];
      // Twice, so the reader holds a cached answer (HIT) that the write must invalidate.
      await send(reader, 'GET', '/api/habits?limit=100', { token });
      const cached = await send(reader, 'GET', '/api/habits?limit=100', { token });
      primed.push(cached.headers.get('x-cache') ?? '');

      const name = `Habit ${round}`;
      const created = await send(writer, 'POST', '/api/habits', { token, body: { name } });
      const read = await send(reader, 'GET', '/api/habits?limit=100', { token });

      expect(created.status).toBe(201);
      names.push(name);
      outcomes.push(read.headers.get('x-cache') ?? '');
      const seen = read.body.items.map((habit: { name: string }) => habit.name);
      if (JSON.stringify(seen) !== JSON.stringify(names)) {
        stale.push(`round ${round}: ${JSON.stringify(seen)}`);
      }
    }

    expect(primed).toEqual(Array(10).fill('HIT'));
    expect(stale).toEqual([]);
    expect(outcomes).toEqual(Array(10).fill('MISS'));
  });

  it('a rename through one instance shows at once in the other’s cached one-habit read', async () => {
    const { token } = await registerThroughStack();
    const created = await send(instanceUrl(0), 'POST', '/api/habits', {
      token,
      body: { name: 'Old name' },
    });
    const path = `/api/habits/${created.body.id as string}`;
    await send(instanceUrl(1), 'GET', path, { token });
    const cached = await send(instanceUrl(1), 'GET', path, { token });

    await send(instanceUrl(0), 'PATCH', path, { token, body: { name: 'New name' } });
    const read = await send(instanceUrl(1), 'GET', path, { token });

    expect(cached.headers.get('x-cache')).toBe('HIT');
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('New name');
  });
});
