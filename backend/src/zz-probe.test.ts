import { sendRaw } from './test/attack';
import { useServer } from './test/hardening';
import { buildUser, useTestServices } from './test/setup';
useTestServices();
const server = useServer();
it('probe', async () => {
  const u = await buildUser();
  for (const enc of ['gzip', 'GZIP', 'x-gzip', 'deflate, gzip', 'identity', 'br', 'compress', 'bogus']) {
    for (const [method, path] of [['POST', '/api/habits'], ['GET', '/api/habits'], ['POST', '/api/auth/login'], ['DELETE', '/api/habits/6b131e815f79ffe2e6f1a082']]) {
      const r = await sendRaw(server(), { method: method!, path: path!, headers: { ...u.auth, 'content-encoding': enc }, body: '\u0001garbage' });
      process.stdout.write(`${enc} ${method} ${path} ${r.status} ${JSON.stringify(r.body).slice(0, 120)}\n`);
    }
  }
});
