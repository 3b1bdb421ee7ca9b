/* Quiet fault suite: the fault tests that time the API under attack (login flood), one at a time, after the side-by-side fault suite, so no other suite's processes share the cores being timed. Run `npm run test:faults`. */
module.exports = {
  displayName: 'api-faults-quiet',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/faults/quiet/**/*.fault-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 300000,
  maxWorkers: 1,
};
