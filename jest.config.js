/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 120000,
  // Each file transpiled alone (tsconfig.jest.json: isolatedModules): type-checking every test file again cost more
  // CPU than its tests; `npm test` type-checks src and test once first (tsc -p tsconfig.test.json).
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // The run's folder of PDFs built once and shared by the test files (test/support/shared-pdfs.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
