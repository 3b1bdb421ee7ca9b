/* Fault suite: the built API and worker as real processes, killed and starved on purpose, sized by real outages (SMTP down 6 min, PostgreSQL cut 60 s). Run `npm run test:faults`. */
module.exports = {
  displayName: 'api-faults',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  // Latency measured under attack runs alone afterwards (jest.faults-quiet.config.cts).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/quiet/'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 300000,
  // Each fault file has its own database and queue prefix; the long outages run side by side.
  maxWorkers: 6,
};
