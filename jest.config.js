/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Files named *.postgres.test.ts test what only a database server can do (lose its connection);
  // they run in the PostgreSQL pass of CI only. Files named *.sqlite.test.ts test what only the
  // embedded file database does (another process holding its lock); they run in the SQLite pass.
  testPathIgnorePatterns: /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '')
    ? ['/node_modules/', '\\.sqlite\\.test\\.ts$']
    : ['/node_modules/', '\\.postgres\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30_000,
  // Integration tests hash passwords with argon2 and each opens its own database: two workers
  // keep both cores busy without starving the database server.
  maxWorkers: 2,
};
