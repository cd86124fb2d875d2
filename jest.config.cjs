// Nest 12 and some of its dependencies ship only ES modules, which Jest on Node 20 cannot require;
// so our files and those packages are compiled to CommonJS by SWC (cached after the first run).
// Other packages stay as published: recompiling CommonJS can break it (google-protobuf relies on `this`).
const ESM_ONLY = [
  '@apidevtools',
  '@nestjs',
  '@borewit',
  '@tokenizer',
  'content-disposition',
  'cookie',
  'file-type',
  'jose',
  'strtok3',
  'token-types',
  'uint8array-extras',
  'uuid',
];
const ignoreCommonJs = `/node_modules/(?!(?:${ESM_ONLY.join('|')})/)(?:@[^/]+/)?[^/]+/(?!.*node_modules/)`;
const swc = {
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  sourceMaps: 'inline',
};
const common = {
  testEnvironment: 'node',
  transformIgnorePatterns: [ignoreCommonJs],
  transform: { '^.+\\.(t|m?j)s$': ['@swc/jest', swc] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['reflect-metadata'],
};
// Whole applications start in e2e and int tests (password hashing at OWASP's cost, key generation,
// SQLite fsyncs): on a loaded two-core CI machine Jest's 5 s default cuts some of them off while they
// are still correct, and a suite's setup (users, files, a walked permit) under several runs at once took
// over 30 s. Speed is the benchmarks' business, not a test's: this only bounds a hung test. testTimeout is
// a global option: Jest ignores it inside a project.
module.exports = {
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary.reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{src,projections,signing,bench}/**/*.unit.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{src,projections,signing,test}/**/*.int.spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser.spec.ts'] },
  ],
};
