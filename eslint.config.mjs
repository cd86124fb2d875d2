import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Deciders, projections and the signing library stay pure: no framework, no I/O, no clock, no randomness.
const impureModules = [
  '@nestjs/*',
  'better-sqlite3',
  '@eventstore/*',
  'fastify',
  'node:fs',
  'node:fs/*',
  'fs',
  'node:net',
  'node:http',
  'node:child_process',
];
const impureSyntax = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure code reads no clock: pass the time in.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Pure code reads no clock: pass the time in.',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Pure code draws no random numbers: pass them in.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'jest.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['projections/**/*.ts', 'signing/**/*.ts', 'src/**/*.decider.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-syntax': ['error', ...impureSyntax],
    },
  },
);
