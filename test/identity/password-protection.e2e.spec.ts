import Database from 'better-sqlite3';
import { randomBytes, scryptSync } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { handleCommand } from '../../src/event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { systemActor } from '../../src/identity/principal.js';
import { userDecider } from '../../src/identity/users/user.decider.js';
import { userStream, usernameStream } from '../../src/identity/users/user.events.js';
import { usernameClaimDecider } from '../../src/identity/users/username-claim.decider.js';
import { newId } from '../../src/shared/ids.js';
import { signedInUser, TEST_PASSWORD } from '../support/bootstrap-admin.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilProjected, type TestApp } from '../support/test-app.js';

const context = () => ({
  actor: systemActor('test'),
  correlationId: 'test',
  causationId: 'test',
  now: new Date().toISOString(),
});

/** A hash as Daftar stored it before password hashes were sealed, with the weaker scrypt of then. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  return ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashes in the log', () => {
  // A store each: the first reads the whole log, the second writes a hash of before into it.
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('keeps no readable scrypt hash in events.db, and the credentials key outside it, owner-only', async () => {
    const { token } = await signedInUser(t.app, 'sealed-user', [{ role: 'admin' }]);
    const changed = await call(t.app, 'POST', '/me/password', {
      token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-secret' },
    });
    expect(changed.statusCode).toBe(204);
    await signIn(t.app, 'sealed-user', 'a-brand-new-secret');

    const db = new Database(join(t.config.dataDir, 'events.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT type, data FROM events').all() as { type: string; data: string }[];
      const stored = rows.filter((r) => r.type === 'UserCreated' || r.type === 'PasswordChanged');
      expect(stored).toHaveLength(2);
      for (const row of stored) expect(JSON.parse(row.data).passwordHash).toMatch(/^enc:v1:/);
      expect(rows.filter((r) => r.data.includes('scrypt$'))).toEqual([]);
    } finally {
      db.close();
    }
    const keyFile = join(t.config.dataDir, 'keys', 'credentials.keys');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('upgrades a hash stored before, at the next sign-in, without signing the user out', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const userId = newId();
    const username = 'legacy-user';
    const password = 'an-old-but-good-secret';
    await handleCommand(
      store,
      usernameStream(username),
      usernameClaimDecider,
      { type: 'ClaimUsername', data: { username, userId } },
      context(),
    );
    const created = await handleCommand(
      store,
      userStream(userId),
      userDecider,
      {
        type: 'CreateUser',
        data: {
          userId,
          username,
          displayName: username,
          passwordHash: legacyHash(password),
          grants: [{ role: 'citizen' }],
          origin: 'registration',
        },
      },
      context(),
    );
    expect(await untilProjected(t.app, created.position!)).toBe(true);

    const token = await signIn(t.app, username, password);
    const history = await store.readStream(userStream(userId));
    expect(history.map((e) => e.type)).toEqual(['UserCreated', 'PasswordRehashed']);
    const rehashed = history[1]!.data as { passwordHash: string };
    expect(rehashed.passwordHash).toMatch(/^enc:v1:/);
    expect((await call(t.app, 'GET', '/me', { token })).statusCode).toBe(200);

    await signIn(t.app, username, password);
    expect(await store.readStream(userStream(userId))).toHaveLength(2);
    const wrong = await call(t.app, 'POST', '/auth/token', { body: { username, password: 'not-it-at-all' } });
    expect(wrong.statusCode).toBe(401);
  });
});
