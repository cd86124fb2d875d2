import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface CallOptions {
  readonly token?: string;
  readonly apiKey?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The client's address, by default 127.0.0.1: the sign-in throttle counts failures per address too. */
  readonly remoteAddress?: string;
}

/** One HTTP call through the real application (no socket), with JSON in and out. */
export function call(
  app: NestFastifyApplication,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: CallOptions = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.apiKey) headers['authorization'] = `ApiKey ${options.apiKey}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return app.inject({
    method,
    url,
    headers,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
  });
}

/** Signs in and answers the bearer token. */
export async function signIn(
  app: NestFastifyApplication,
  username: string,
  password: string,
): Promise<string> {
  const res = await call(app, 'POST', '/auth/token', { body: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { accessToken: string }).accessToken;
}
