// Browser tests: headless Debian Chromium driven by playwright-core against the stack that
// scripts/test.sh started behind NGINX (E2E_BASE_URL).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testRegex: '\\.e2e\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testTimeout: 90000,
};
