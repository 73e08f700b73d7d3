import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The contract review pack's homes inside the top-level folders (issue 9 §4). */
const PACK_HOMES = [
  'diagrams/contract-review/**',
  'activities/contract-review/**',
  'api/contract-review/**',
  'persistence/entities/contract-review/**',
  'persistence/migrations/contract-review/**',
  'web/src/contract-review/**',
];
const PACK_IMPORTS = {
  group: ['**/contract-review', '**/contract-review/**'],
  message:
    'Generic code reaches a process pack only through its registration point (config/process-packs.ts; web: web/src/<pack>/web-pack.ts).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.cache/', 'coverage/', 'web/dist/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A process pack plugs in through one registration point per bundle (config/process-packs.ts;
    // the web finds web/src/<pack>/web-pack.ts by import.meta.glob): the generic engine, model, workflows, API, worker, persistence,
    // scripts and web never import a pack's folders themselves.
    files: [
      'api/**/*.ts',
      'activities/**/*.ts',
      'persistence/**/*.ts',
      'config/**/*.ts',
      'worker/**/*.ts',
      'runtime/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'web/src/**/*.ts',
      'web/modeler/**/*.ts',
    ],
    ignores: [...PACK_HOMES, 'config/process-packs.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PACK_IMPORTS] }] },
  },
  {
    // Workflow code is replayed: no Node built-ins, no I/O layers, no floating promises.
    files: ['workflows/**/*.ts', 'engine/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'os',
                'child_process',
                'crypto',
                'http',
                'https',
                'net',
              ],
              message: 'Workflow code must stay deterministic: no Node built-ins.',
            },
            {
              group: [
                '**/api/**',
                '**/activities/**',
                '**/persistence/**',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message: 'Workflow code must not import the API, activities or persistence.',
            },
            PACK_IMPORTS,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Non-deterministic.' },
      ],
    },
  },
  {
    // The pure core knows nothing of Temporal.
    files: ['engine/**/*.ts', 'model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@temporalio/*',
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                '**/api/**',
                '**/activities/**',
                '**/persistence/**',
                '**/workflows/**',
              ],
              message: 'The model and the interpreter core are pure: no Temporal, no Node I/O.',
            },
            PACK_IMPORTS,
          ],
        },
      ],
    },
  },
);
