import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { call } from './http.js';
import { openNote, type OpenedCheckpoint } from './rfc9162.js';

/** The ledger's verifier key, as a third party fetches it. */
export async function ledgerKey(app: NestFastifyApplication): Promise<string> {
  const res = await call(app, 'GET', '/.well-known/daftar/ledger-key');
  if (res.statusCode !== 200) throw new Error(`no ledger key: ${res.statusCode}`);
  return res.body;
}

/** The latest signed checkpoint, opened in-test, once one of at least `size` leaves has been made. */
export async function signedCheckpoint(
  app: NestFastifyApplication,
  verifierKey: string,
  size: number,
): Promise<OpenedCheckpoint & { readonly note: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await call(app, 'GET', '/ledger/checkpoint');
    if (res.statusCode === 200) {
      const opened = openNote(res.body, verifierKey);
      if (opened.size >= size) return { ...opened, note: res.body };
    }
    if (Date.now() > deadline) throw new Error(`no checkpoint of ${size} leaves: ${res.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
