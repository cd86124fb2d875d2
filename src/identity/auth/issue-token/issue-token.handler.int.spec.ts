import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserView } from '../../../../projections/users/users.projection.js';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';
import { SqliteEventStore } from '../../../event-store/sqlite/sqlite-event-store.js';
import type { DomainError } from '../../../shared/domain-error.js';
import { ADDRESS_POLICY, USERNAME_POLICY } from '../../login-throttle.js';
import { LoginThrottle } from '../../login-throttle.store.js';
import type { PasswordVault } from '../../password-vault.js';
import { ANONYMOUS_ACTOR } from '../../principal.js';
import type { UserAccounts } from '../../users/user-accounts.service.js';
import type { UsersReadModel } from '../../users/users.read-model.js';
import { TokenSigner } from '../token-signer.js';
import { IssueTokenCommand } from './issue-token.command.js';
import { IssueTokenHandler, loginStream } from './issue-token.handler.js';

const T0 = Date.UTC(2025, 0, 1, 8, 0, 0);
const PASSWORD = 'the-right-password';

/** The handler over a real SQLite store, with a clock the test moves and a fast stand-in for scrypt. */
function harness(dir: string) {
  const clock = { now: T0 };
  const store = new SqliteEventStore(join(dir, 'events.db'));
  const reads = { events: 0 };
  const readStream = store.readStream.bind(store);
  store.readStream = async (...args) => {
    const events = await readStream(...args);
    reads.events += events.length;
    return events;
  };
  const checks = { count: 0 };
  const vault = {
    checkPassword: async (password: string) => {
      checks.count += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return password === PASSWORD;
    },
    needsUpgrade: () => false,
  } as unknown as PasswordVault;
  const users = {
    byUsername: (username: string): UserView => ({
      userId: `id-${username}`,
      username,
      displayName: username,
      passwordHash: 'enc:v1:stand-in',
      nationalId: null,
      mobile: null,
      grants: [],
      disabled: false,
      origin: 'admin',
      createdAt: new Date(T0).toISOString(),
      updatedAt: new Date(T0).toISOString(),
      passwordChangedAt: null,
      notifications: null,
    }),
  } as unknown as UsersReadModel;
  const handler = new IssueTokenHandler(
    store,
    users,
    new LoginThrottle({ now: () => clock.now }),
    TokenSigner.open(join(dir, 'keys'), 'http://daftar.test'),
    vault,
    {} as UserAccounts,
  );
  const context = (): CommandContext => ({
    actor: ANONYMOUS_ACTOR,
    correlationId: 'test',
    causationId: 'test',
    now: new Date(clock.now).toISOString(),
  });
  const signIn = (username: string, password: string, address: string) =>
    handler.execute(new IssueTokenCommand({ username, password, address }, context())).then(
      () => 200,
      (error: DomainError) => (error.kind === 'rate_limited' ? 429 : 401),
    );
  return { clock, store, reads, checks, handler, signIn };
}

describe('sign-in under a flood of guesses', () => {
  let dir: string;
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-login-'));
    h = harness(dir);
  });
  afterEach(async () => {
    await h.handler.onModuleDestroy();
    await h.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a few events for 10,000 bad guesses, and admin signs in after the lock without reading them', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      h.clock.now += 10;
      const status = await h.signIn('admin', `guess-${i}`, '203.0.113.9');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(401)).toBe(USERNAME_POLICY.lockAfter);
    const refused = statuses.get(429)!;
    expect(refused).toBe(10_000 - USERNAME_POLICY.lockAfter);

    h.clock.now += USERNAME_POLICY.lockMs;
    h.reads.events = 0;
    expect(await h.signIn('admin', PASSWORD, '198.51.100.1')).toBe(200);
    expect(h.reads.events).toBeLessThanOrEqual(20);

    const events = await h.store.readStream(loginStream('admin'));
    expect(events.length).toBeLessThan(20);
    const summaries = events.filter((e) => e.type === 'LoginAttemptsThrottled');
    expect(summaries.reduce((sum, e) => sum + (e.data as { attempts: number }).attempts, 0)).toBe(refused);
    expect(events.at(-1)!.type).toBe('LoginSucceeded');
  });

  it('checks no more passwords for 1,000 concurrent guesses at one username than the throttle allows', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => h.signIn('admin', `guess-${i}`, `198.51.${i >> 8}.${i & 255}`)),
    );
    const allowance = USERNAME_POLICY.freeFailures + 1;
    expect(h.checks.count).toBeLessThanOrEqual(allowance);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(allowance);
  });

  it('checks no more passwords for 1,000 concurrent guesses from one address than the throttle allows', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => h.signIn(`user${i}`, 'guess', '2001:db8:7:7::1')),
    );
    const allowance = ADDRESS_POLICY.freeFailures + 1;
    expect(h.checks.count).toBeLessThanOrEqual(allowance);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(allowance);
  });
});
