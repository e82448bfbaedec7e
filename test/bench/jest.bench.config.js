// Benchmarks: `npm run bench [name]`. Not part of `npm test`; each prints its figures and ratios.
const { join } = require('node:path');

module.exports = {
  rootDir: join(__dirname, '../..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 600000,
  verbose: false,
};
