import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(__dirname, '..');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** A package by its name, wherever node_modules is: the fixture's is a link to the repository's. */
const moduleName = (path: string) => path.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');

/** Runs dependency-cruiser with the project's real configuration, as `npm run lint` does, in `cwd`. */
function violations(cwd: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      'projections',
      'signing',
      '--config',
      join(repo, '.dependency-cruiser.cjs'),
      '--output-type',
      'json',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!run.stdout) throw new Error(run.stderr);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${moduleName(v.to)}`).sort();
}

/** A small tree with the project's folder names and suffixes: one of each layer, importing downwards. */
const layered: Record<string, string> = {
  'signing/seal.ts': `import { createHash } from 'node:crypto';
export const seal = (text: string) => createHash('sha256').update(text).digest('hex');`,
  'src/shared/domain-error.ts': `export class DomainError extends Error {}`,
  'src/fees/calculate-fees.ts': `export const fee = (area: number) => area * 10;`,
  'src/permits/permit.events.ts': `export type PermitEvent = { readonly type: 'PermitOpened'; readonly fee: number };`,
  'src/permits/permit.state.ts': `import type { PermitEvent } from './permit.events.js';
export type PermitStatus = 'absent' | 'open';
export const evolve = (_status: PermitStatus, _event: PermitEvent): PermitStatus => 'open';`,
  'src/permits/permit.decider.ts': `import { seal } from '../../signing/seal.js';
import { fee } from '../fees/calculate-fees.js';
import { DomainError } from '../shared/domain-error.js';
import type { PermitEvent } from './permit.events.js';
import type { PermitStatus } from './permit.state.js';
export function decide(status: PermitStatus, area: number): PermitEvent[] {
  if (status !== 'absent') throw new DomainError(seal('open'));
  return [{ type: 'PermitOpened', fee: fee(area) }];
}`,
  'projections/permits/permits.projection.ts': `import type { PermitEvent } from '../../src/permits/permit.events.js';
import { evolve, type PermitStatus } from '../../src/permits/permit.state.js';
export type PermitView = { readonly status: PermitStatus };
export const project = (view: PermitView, event: PermitEvent): PermitView => ({ status: evolve(view.status, event) });`,
  'src/permits/permits.read-model.ts': `import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { PermitView } from '../../projections/permits/permits.projection.js';
@Injectable()
export class PermitsReadModel {
  get = (): PermitView => JSON.parse(readFileSync('permits.json', 'utf8')) as PermitView;
}`,
  'src/permits/open-permit/open-permit.handler.ts': `import { decide } from '../permit.decider.js';
import { PermitsReadModel } from '../permits.read-model.js';
export const openPermit = (views: PermitsReadModel, area: number) => decide(views.get().status, area);`,
};

/** Each file breaks one rule. */
const breaches: Record<string, string> = {
  'signing/app-error.ts': `export { DomainError } from '../src/shared/domain-error.js';`,
  'src/permits/permit-review.decider.ts': `import type { PermitView } from '../../projections/permits/permits.projection.js';
import type { PermitsReadModel } from './permits.read-model.js';
export const decide = (view: PermitView, _views: PermitsReadModel) => view.status;`,
  'src/permits/permit-design.state.ts': `import { openPermit } from './open-permit/open-permit.handler.js';
export const state = openPermit;`,
  'projections/permits/permit-timeline.projection.ts': `import type { PermitsReadModel } from '../../src/permits/permits.read-model.js';
export type Timeline = PermitsReadModel;`,
  'projections/permits/permit-audit.projection.ts': `import { Injectable } from '@nestjs/common';
export const audit = Injectable;`,
  'src/fees/fee-tables.ts': `import { readFileSync } from 'node:fs';
export const tables = () => readFileSync('fees.json', 'utf8');`,
  'src/permits/permit-ids.events.ts': `import { v7 } from 'uuid';
export const newPermitId = v7;`,
  'src/permits/permit-history.read-model.ts': `import { openPermit } from './open-permit/open-permit.handler.js';
export const history = openPermit;`,
  'src/permits/loop-a.ts': `import { b } from './loop-b.js';
export const a = () => b;`,
  'src/permits/loop-b.ts': `import { a } from './loop-a.js';
export const b = () => a;`,
  'src/permits/typo.ts': `export { missing } from './missing.js';`,
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${text}\n`);
  }
}

describe('imports run one way (dependency-cruiser)', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'daftar-architecture-'));
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
    writeTree(root, {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true },
      }),
      ...layered,
    });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lets signing ← domain ← projections ← read models ← handlers pass', () => {
    expect(violations(root)).toEqual([]);
  });

  it('reports every import against the direction, into Nest or I/O from pure code, round a loop, or unresolved', () => {
    writeTree(root, breaches);
    expect(violations(root)).toEqual(
      [
        'signing-stands-alone: signing/app-error.ts → src/shared/domain-error.ts',
        'domain-imports-only-domain: src/permits/permit-review.decider.ts → projections/permits/permits.projection.ts',
        'domain-imports-only-domain: src/permits/permit-review.decider.ts → src/permits/permits.read-model.ts',
        'domain-imports-only-domain: src/permits/permit-design.state.ts → src/permits/open-permit/open-permit.handler.ts',
        'projections-import-only-domain: projections/permits/permit-timeline.projection.ts → src/permits/permits.read-model.ts',
        'pure-code-imports-no-framework-or-io: projections/permits/permit-audit.projection.ts → @nestjs/common',
        'pure-code-imports-no-framework-or-io: src/fees/fee-tables.ts → fs',
        'pure-code-imports-no-framework-or-io: src/permits/permit-ids.events.ts → uuid',
        'read-models-below-entry-points: src/permits/permit-history.read-model.ts → src/permits/open-permit/open-permit.handler.ts',
        'no-circular: src/permits/loop-a.ts → src/permits/loop-b.ts',
        'not-to-unresolvable: src/permits/typo.ts → ./missing.js',
      ].sort(),
    );
  });
});

describe('the real tree', () => {
  it('breaks none of the rules', () => {
    expect(violations(repo)).toEqual([]);
  });
});
