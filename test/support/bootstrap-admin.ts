import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Grant } from '../../src/identity/roles.js';
import { UserAccounts } from '../../src/identity/users/user-accounts.service.js';
import { signIn } from './http.js';

export const TEST_PASSWORD = 'a-long-test-password';

/** A user made directly through UserAccounts (as start-up tasks will), signed in: its id and token. */
export async function signedInUser(
  app: NestFastifyApplication,
  username: string,
  grants: readonly Grant[],
): Promise<{ userId: string; token: string }> {
  const { userId } = await app.get(UserAccounts).create(
    { username, displayName: username, password: TEST_PASSWORD, grants, origin: 'bootstrap' },
    {
      actor: { id: 'system:test', role: 'system' },
      correlationId: 'test',
      causationId: 'test',
      now: new Date().toISOString(),
    },
  );
  return { userId, token: await signIn(app, username, TEST_PASSWORD) };
}

/** There is no seeding yet: tests make their first admin themselves. */
export async function bootstrapAdmin(app: NestFastifyApplication, username = 'admin'): Promise<string> {
  return (await signedInUser(app, username, [{ role: 'admin' }])).token;
}
