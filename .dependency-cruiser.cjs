/**
 * Imports run one way (DESIGN.md, "Top-level layout"):
 *
 *   signing/ ◄── domain ◄── projections/ ◄── read-model adapters ◄── handlers, controllers, reactions, scripts
 *
 * `npm run lint` runs `depcruise src projections signing`; test/architecture.int.spec.ts shows that each
 * rule catches a breach. eslint.config.mjs keeps the same pure files free of clocks and randomness,
 * which imports alone cannot show.
 */

/**
 * The domain: events, deciders, states, the commands deciders take, and the pure rules they use. A
 * use case's `*.command.ts` / `*.query.ts` is not here: it is the bus message carrying the request and
 * the caller. A new pure rule that a decider or projection needs is added to this list, and with
 * that it falls under the purity rule.
 */
const DOMAIN = [
  '^src/.+\\.(events|decider|state|commands)\\.ts$',
  '^src/event-store/event-envelope\\.ts$',
  '^src/event-store/command-handling/decider\\.ts$',
  '^src/fees/[^/]+\\.ts$',
  '^src/shared/(domain-error|jalali|masking|scaled-decimal|tehran-date|deep-freeze)\\.ts$',
  '^src/permits/(design-check|map-order-limits|permit-decision|permit-inputs|permit-time)\\.ts$',
  '^src/inquiries/inquiry-checks\\.ts$',
  '^src/tracking/(tracking-number|next-step)\\.ts$',
  '^src/notifications/(notification-topics|quiet-hours)\\.ts$',
  '^src/parcels/renewal-code\\.ts$',
  '^src/payments/refunds/file-holding\\.ts$',
  '^src/rule-sets/(rule-set|rule-set\\.schema|zoning-limits)\\.ts$',
  '^src/identity/(roles|national-id|feed-scope)\\.ts$',
  '^src/identity/one-time-codes/one-time-code\\.ts$',
  '^src/identity/organisations/organisation-roles\\.ts$',
  '^src/identity/api-keys/api-key-permissions\\.ts$',
  '^src/feed/feed-audience\\.ts$',
  '^src/webhooks/webhook-audience\\.ts$',
];
const SIGNING = '^signing/';
const PROJECTIONS = '^projections/';
const READ_MODELS = '^src/.+\\.read-model\\.ts$';
/** The outer ring: what takes a request, an event or a command line and runs a use case. */
const ENTRY_POINTS = [
  '\\.(handler|controller|reaction|module|request\\.dto|response\\.dto|command|query)\\.ts$',
  '/reactions/',
  '^src/scripts/',
  '^src/main\\.ts$',
];
const PURE = [SIGNING, PROJECTIONS, ...DOMAIN];
/** Framework, storage, network and randomness: pure code is handed their results instead. */
const IMPURE_PACKAGES = '(^|/)node_modules/(@nestjs|@eventstore|better-sqlite3|fastify|@fastify|pino|uuid)/';
const IMPURE_CORE =
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|worker_threads|cluster)$';

module.exports = {
  forbidden: [
    {
      name: 'signing-stands-alone',
      comment: 'signing/ is a library for third-party verifiers too: it imports nothing of the app.',
      severity: 'error',
      from: { path: SIGNING },
      to: { path: '^(src|projections|test|bench)/' },
    },
    {
      name: 'domain-imports-only-domain',
      comment:
        'Events, deciders, states and pure rules import signing/ and each other, never projections, ' +
        'read models, handlers or any other part of src/ (list a new pure rule in DOMAIN instead).',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^(src|projections|test|bench)/', pathNot: DOMAIN },
    },
    {
      name: 'projections-import-only-domain',
      comment:
        'A projection folds domain events: it imports the domain and signing/, never read models or handlers.',
      severity: 'error',
      from: { path: PROJECTIONS },
      to: { path: '^(src|test|bench)/', pathNot: DOMAIN },
    },
    {
      name: 'read-models-below-entry-points',
      comment: 'Read-model adapters serve handlers, controllers and reactions; they import none of them.',
      severity: 'error',
      from: { path: READ_MODELS },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'pure-code-imports-no-framework-or-io',
      comment: 'signing/, projections/ and the domain import no Nest, no storage, no network, no uuid.',
      severity: 'error',
      from: { path: PURE },
      to: { path: [IMPURE_PACKAGES, IMPURE_CORE] },
    },
    {
      name: 'no-circular',
      comment:
        'No module reaches itself through its imports. With the rules above, which each forbid one ' +
        'direction, the layers cannot form a loop either.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would hide its edge from every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: ['\\.spec\\.ts$', '^dist/'] },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a read model couples as much as a value.
    tsPreCompilationDeps: true,
    // The repository is ESM TypeScript: `./x.js` resolves to `./x.ts` through tsconfig.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
