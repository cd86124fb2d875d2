import { spawnSync } from 'node:child_process';

const impure = `import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
export const stamp = () => [Date.now(), new Date(), Math.random(), Injectable, readFileSync];
`;

/** Runs the project's real ESLint configuration on a snippet as if it were the given file. */
function purityProblems(filePath: string): string[] {
  const run = spawnSync(
    process.execPath,
    ['node_modules/eslint/bin/eslint.js', '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { input: impure, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('pure code stays pure (ESLint)', () => {
  it.each([
    'projections/any/thing.projection.ts',
    'signing/seal.ts',
    'src/permits/submit/submit.decider.ts',
    'src/permits/permit.state.ts',
    'src/parcels/parcel.events.ts',
    'src/fees/calculate-fees.ts',
  ])('refuses Nest, I/O, the clock and randomness in %s', (filePath) => {
    const problems = purityProblems(filePath).join('\n');
    expect(problems).toMatch(/@nestjs/);
    expect(problems).toMatch(/node:fs/);
    expect(problems.match(/reads no clock/g)).toHaveLength(2);
    expect(problems).toMatch(/random/);
  });

  it('allows them in the application shell', () => {
    expect(purityProblems('src/permits/submit/submit.handler.ts')).toEqual([]);
  });
});
