import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isValidIranianNationalId } from '../../src/identity/national-id.js';
import { demoOwners } from '../../src/parcels/demo-parcels.js';
import { call, signIn } from './http.js';
import { lastCodeSentTo } from './sms-outbox.js';

/** The mobile the demo identity registry accepts for a national id: a demo owner's own, else any. */
export function mobileOf(nationalId: string): string {
  return demoOwners.find((o) => o.nationalId === nationalId)?.mobile ?? `0912${nationalId.slice(3)}`;
}

/** The password `registeredCitizen` registers with. */
export const CITIZEN_PASSWORD = 'a-long-secret-1';

let issued = 0;

/** A valid national id that no earlier call in this test file answered, for a test's own citizen. */
export function freshNationalId(): string {
  const body = `555${String((issued += 1)).padStart(6, '0')}`;
  const id = [...'0123456789'].map((check) => body + check).find(isValidIranianNationalId);
  if (!id) throw new Error(`no check digit makes ${body} a national id`);
  return id;
}

/**
 * Registers a citizen as they would themselves: POST /auth/register, then the code from the demo SMS
 * outbox to POST /auth/register/confirm. Answers their token.
 */
export async function registeredCitizen(
  app: NestFastifyApplication,
  nationalId: string,
  fullName = 'شهروند آزمایشی',
): Promise<string> {
  const password = CITIZEN_PASSWORD;
  const mobile = mobileOf(nationalId);
  const started = await call(app, 'POST', '/auth/register', {
    body: { nationalId, mobile, fullName, password },
  });
  if (started.statusCode !== 202) throw new Error(`registration failed: ${started.body}`);
  const { registrationId } = started.json() as { registrationId: string };
  const confirmed = await call(app, 'POST', '/auth/register/confirm', {
    body: { registrationId, code: lastCodeSentTo(app, mobile) },
  });
  if (confirmed.statusCode !== 201) throw new Error(`confirmation failed: ${confirmed.body}`);
  return signIn(app, nationalId, password);
}

/**
 * A counter office gets a citizen's consent as it would at the desk: asks for it, reads the code off the
 * citizen's phone (the demo SMS outbox) and confirms it. Answers the consent id.
 */
export async function consentFor(
  app: NestFastifyApplication,
  counterToken: string,
  nationalId: string,
): Promise<string> {
  const mobile = mobileOf(nationalId);
  const asked = await call(app, 'POST', '/consents', { token: counterToken, body: { nationalId, mobile } });
  if (asked.statusCode !== 202) throw new Error(`consent request failed: ${asked.body}`);
  const { consentId } = asked.json() as { consentId: string };
  const given = await call(app, 'POST', `/consents/${consentId}/confirm`, {
    token: counterToken,
    body: { code: lastCodeSentTo(app, mobile) },
  });
  if (given.statusCode !== 200) throw new Error(`consent confirmation failed: ${given.body}`);
  return consentId;
}
