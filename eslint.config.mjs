import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Pure code (signing/, projections/, the domain) imports no framework and does no I/O, which
// dependency-cruiser checks; here it also reads no clock and draws no random numbers. Which files are
// pure is said once, in .dependency-cruiser.cjs.
const architecture = createRequire(import.meta.url)('./.dependency-cruiser.cjs');
const pureFiles = architecture.forbidden
  .find((rule) => rule.name === 'pure-code-imports-no-framework-or-io')
  .from.path.map((pattern) => new RegExp(pattern));
const isPure = (file) => {
  const path = relative(import.meta.dirname, file)
    .split(sep)
    .join('/');
  return path.endsWith('.ts') && pureFiles.some((pattern) => pattern.test(path));
};
const impureModules = [
  '@nestjs/*',
  'better-sqlite3',
  '@eventstore/*',
  'fastify',
  '@fastify/*',
  'pino',
  'uuid',
  'node:fs',
  'node:fs/*',
  'fs',
  'node:net',
  'node:http',
  'node:https',
  'node:http2',
  'node:child_process',
  'node:dgram',
  'node:worker_threads',
  'node:cluster',
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
    files: [isPure],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-syntax': ['error', ...impureSyntax],
    },
  },
);
