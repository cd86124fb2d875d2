import type { Grant } from '../../src/identity/roles.js';
import { bootstrapAdmin, signedInUser } from './bootstrap-admin.js';
import { registerAll, twoProvinces } from './directory.js';
import { startTestApp, type TestApp } from './test-app.js';

/** An app with the cities of `twoProvinces` and these users signed in: their tokens and ids by name. */
export async function appWithUsers(
  users: Readonly<Record<string, readonly Grant[]>>,
): Promise<{ t: TestApp; token: Record<string, string>; userId: Record<string, string> }> {
  const t = await startTestApp();
  const admin = await bootstrapAdmin(t.app);
  await registerAll(t.app, admin, { municipalities: twoProvinces });
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  for (const [name, grants] of Object.entries(users)) {
    const made = await signedInUser(t.app, name, grants);
    token[name] = made.token;
    userId[name] = made.userId;
  }
  return { t, token, userId };
}
