import { api, expectError, useTestServices } from '../test/setup';

useTestServices();

describe('GET /api/health', () => {
  it('answers 200 with every check ok', async () => {
    const res = await api().get('/api/health');

    expect(res.body).toMatchObject({
      status: 'ok',
      environment: 'test',
      failing: [],
      checks: { database: { status: 'ok' }, redis: { status: 'ok' }, memory: { status: 'ok' } },
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.version).toBe('string');
    expect(typeof res.body.uptimeSeconds).toBe('number');
    expect(Number.isNaN(Date.parse(res.body.timestamp))).toBe(false);
  });
});

describe('unknown routes', () => {
  it('answers 404 JSON', async () => {
    expectError(await api().get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });
});
