import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { call } from './http.js';

export const hamedan = {
  code: 'hamedan',
  name: 'Hamedan',
  nameFa: 'همدان',
  regions: [
    { code: '1', name: 'منطقه ۱' },
    { code: '2', name: 'منطقه ۲' },
  ],
};

/** Hamedan and Malayer of Hamedan province, and Qazvin of another: for provincial and other cities' oversight. */
export const twoProvinces = [
  { ...hamedan, province: 'hamedan' },
  { code: 'malayer', name: 'Malayer', nameFa: 'ملایر', regions: [], province: 'hamedan' },
  { code: 'qazvin', name: 'Qazvin', nameFa: 'قزوین', regions: [], province: 'qazvin' },
];

/** Registers municipalities and organisations as the admin would, failing loudly if refused. */
export async function registerAll(
  app: NestFastifyApplication,
  token: string,
  entries: { municipalities?: object[]; organisations?: object[] },
): Promise<void> {
  for (const [url, bodies] of [
    ['/municipalities', entries.municipalities ?? []],
    ['/organisations', entries.organisations ?? []],
  ] as const) {
    for (const body of bodies) {
      const res = await call(app, 'POST', url, { token, body });
      if (res.statusCode !== 201) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
    }
  }
}
