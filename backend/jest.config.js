/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  setupFiles: ['<rootDir>/src/test/env.ts'],
  // Fault tests stop shared services; scripts/test.sh runs them one at a time with --fault.
  testPathIgnorePatterns: process.env.JEST_FAULT ? [] : ['\\.fault\\.test\\.ts$'],
  testRegex: process.env.JEST_FAULT ? '\\.fault\\.test\\.ts$' : '\\.test\\.ts$',
  testTimeout: 30000,
};
