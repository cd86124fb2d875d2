import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { call, signIn } from './http.js';

/** Registers a citizen as they would themselves (POST /auth/register) and answers their token. */
export async function registeredCitizen(
  app: NestFastifyApplication,
  nationalId: string,
  fullName = 'شهروند آزمایشی',
): Promise<string> {
  const password = 'a-long-secret-1';
  const res = await call(app, 'POST', '/auth/register', {
    body: { nationalId, mobile: '09121234567', fullName, password },
  });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.body}`);
  return signIn(app, nationalId, password);
}
