/* The demo seed against a real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@localhost:5432/postgres). */
module.exports = {
  displayName: 'api-seed-integration',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 60000,
};
