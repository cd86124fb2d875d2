import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';

/** Signs a demo user in on a running server and answers the bearer token. */
export async function demoToken(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
