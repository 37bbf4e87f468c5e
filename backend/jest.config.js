// Three suites share this config, chosen by JEST_SUITE:
// - (unset) unit and integration tests, in parallel, each file with its own database;
// - fault: *.fault.test.ts, which stop shared services, one file at a time;
// - stack: *.stack.test.ts, against the whole stack (NGINX, PM2 cluster) that scripts/test.sh
//   started, one file at a time.
const suite = process.env.JEST_SUITE ?? '';
const patterns = {
  '': '(?<!\\.fault|\\.stack)\\.test\\.ts$',
  fault: '\\.fault\\.test\\.ts$',
  stack: '\\.stack\\.test\\.ts$',
};
if (!(suite in patterns)) {
  throw new Error(`Unknown JEST_SUITE "${suite}"`);
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  setupFiles: ['<rootDir>/src/test/env.ts'],
  testRegex: patterns[suite],
  testTimeout: suite === '' ? 30000 : 120000,
};
