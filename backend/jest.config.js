/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  setupFiles: ['<rootDir>/src/test/env.ts'],
  testTimeout: 30000,
};
