import { allProjections } from '../../projections/index.js';
import { parcelsProjection } from '../../projections/parcels/parcels.projection.js';
import { anyProjection, type AnyProjection } from '../../projections/projection.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

/** The parcels read model, stopped by the first dues billed for 1406 (as a poison event would stop it). */
const stoppingParcels: AnyProjection = {
  ...anyProjection(parcelsProjection),
  evolve: (doc, event) => {
    if (event.type === 'RenewalDuesBilled' && (event.data as { year: number }).year === 1406) {
      throw new Error('cannot read these dues');
    }
    return anyProjection(parcelsProjection).evolve(doc, event);
  },
};

describe('inquiry checks on read models that are not current', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { DAFTAR_DEMO_DATA: 'true' },
      projections: allProjections.map((p) => (p.name === parcelsProjection.name ? stoppingParcels : p)),
    });
    await untilReady(t.app);
  });
  afterAll(() => t.close());

  it('never clears a parcel from a stopped view: the new debt is saved, so the answer waits', async () => {
    const clerk = await signIn(t.app, 'clerk', DEMO_PASSWORD);
    const notary = await signIn(t.app, 'notary', DEMO_PASSWORD);
    const billed = await call(t.app, 'POST', '/parcels/1-1-1-1-0-0-0/dues', {
      token: clerk,
      body: { year: 1406, amount: 900_000 },
    });
    expect(billed.json()).toMatchObject({ code: 'READ_MODEL.BEHIND', details: { written: true } });
    const filed = await call(t.app, 'POST', '/inquiries', {
      token: notary,
      body: {
        kind: 'Transfer',
        renewalCode: '1-1-1-1-0-0-0',
        requesterReference: 'STALE-1',
        purpose: 'sale',
      },
    });
    expect(filed.statusCode).toBe(202);
    expect(filed.json().document).toBeUndefined();
    expect(filed.json().status).toBe('checking');
  });
});
