// Three projects so the test command can report unit, integration and browser runs separately.
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const common = { rootDir: __dirname, testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{rules,workflows,server,migrations}/**/*.spec.ts'],
      // bpmn-moddle and its dependencies are ESM-only; ts-jest turns them into CommonJS for jest.
      transform: { ...transform, 'node_modules/(bpmn-moddle|moddle|moddle-xml|saxen|min-dash)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true } }] },
      transformIgnorePatterns: ['/node_modules/(?!(bpmn-moddle|moddle|moddle-xml|saxen|min-dash)/)'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/{integration,e2e}/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/slow-tests.js'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/slow-tests.js'],
    },
  ],
};
