/**
 * One Jest run for unit specs (beside the code) and end-to-end specs (test/).
 * ESM mode: NestJS 12 is ESM-only (see package.json "test" script).
 */
const swc = JSON.parse((await import('node:fs')).readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
delete swc.$schema;

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/migrations'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@taawoun/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // Each test file loads NestJS afresh in its own module registry; recycle a worker past this
  // much memory rather than let it grow (and take long to wind down at the end).
  workerIdleMemoryLimit: '512MB',
};
