// One Jest run, four projects: `npm test` runs them all; `jest --selectProjects unit` runs one.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// ESM-only packages that Jest (CommonJS) must transform.
const esmPackages = [
  'feelin',
  'temporal-polyfill',
  'temporal-utils',
  'lezer-feel',
  '@lezer',
  'luxon',
  'min-dash',
  'moddle',
  'moddle-xml',
  'bpmn-moddle',
  'saxen',
  'zeebe-bpmn-moddle',
  'dmn-moddle',
  'bpmnlint',
  'bpmnlint-utils',
  'jose',
];
const base = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
module.exports = {
  // Workflow and e2e tests start real Temporal servers; a slow 2-core machine needs room.
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/workflow/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
    },
    {
      ...base,
      displayName: 'db',
      testMatch: ['<rootDir>/test/db/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/db-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/db-global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
    },
    // The production topology (Temporal server on PostgreSQL, worker and API processes) under SIGKILLs.
    {
      ...base,
      displayName: 'fault',
      testMatch: ['<rootDir>/test/fault/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
    },
  ],
};
