// Unit tests of the frontend's pure rules (numbers, plates, the workout draft); no browser.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testRegex: '\\.test\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
};
