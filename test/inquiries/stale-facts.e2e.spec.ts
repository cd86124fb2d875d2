import { documentsProjection } from '../../projections/documents/documents.projection.js';
import { allProjections } from '../../projections/index.js';
import { parcelsProjection } from '../../projections/parcels/parcels.projection.js';
import { anyProjection, type AnyProjection } from '../../projections/projection.js';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import { history } from '../../src/permits/permit.fixtures.js';
import { PermitsReadModel } from '../../src/permits/permits.read-model.js';
import { newId } from '../../src/shared/ids.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

/** All read models, `stopped` failing on the first event `poison` accepts, as a poison event would stop it. */
function projectionsWithStopped(stopped: AnyProjection, poison: (event: RecordedEvent) => boolean) {
  const failing: AnyProjection = {
    ...stopped,
    evolve: (doc, event) => {
      if (poison(event)) throw new Error(`cannot read ${event.type}`);
      return stopped.evolve(doc, event);
    },
  };
  return allProjections.map((p) => (p.name === stopped.name ? failing : p));
}

/** Vacant land with no dues: only a permit is a basis for a utility connection. */
const VACANT = '1-1-1-3-0-0-0';

describe('inquiry checks on read models that are not current', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { DAFTAR_DEMO_DATA: 'true' },
      // Stopped by the first dues billed for 1406.
      projections: projectionsWithStopped(
        anyProjection(parcelsProjection),
        (event) => event.type === 'RenewalDuesBilled' && (event.data as { year: number }).year === 1406,
      ),
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

describe('inquiry checks on a documents view that is not current', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { DAFTAR_DEMO_DATA: 'true' },
      // Stopped by the first revocation.
      projections: projectionsWithStopped(
        anyProjection(documentsProjection),
        (event) => event.type === 'DocumentRevoked',
      ),
    });
    await untilReady(t.app);
  });
  afterAll(() => t.close());

  it('never counts a permit revoked a moment before as a basis for a connection', async () => {
    // A permit issued on the vacant parcel; the reaction signs its document.
    const permitId = newId();
    const events = history.issued.map((e) => ({
      ...e,
      data: { ...e.data, permitId, ...(e.type === 'PermitDraftOpened' ? { renewalCode: VACANT } : {}) },
    })) as PermitEvent[];
    await t.app.get<EventStore>(EVENT_STORE).append(
      permitStream(permitId),
      events.map((event) => ({
        id: newId(),
        ...event,
        metadata: {
          actor: { id: 'system:test', role: 'system' },
          correlationId: 'seed',
          causationId: 'seed',
          recordedAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      })),
      { expectedRevision: 'no_stream' },
    );
    const issued = await t.app
      .get(PermitsReadModel)
      .until(permitId, (p) => p?.documents.permit !== undefined, 20_000);
    const code = issued!.documents.permit!;

    const signatory = await signIn(t.app, 'signatory', DEMO_PASSWORD);
    const utility = await signIn(t.app, 'utility', DEMO_PASSWORD);
    const revoked = await call(t.app, 'POST', `/documents/${code}/revocation`, {
      token: signatory,
      body: { reason: 'issued on a forged deed' },
    });
    expect(revoked.json()).toMatchObject({ code: 'READ_MODEL.BEHIND', details: { written: true } });
    const filed = await call(t.app, 'POST', '/inquiries', {
      token: utility,
      body: { kind: 'Utility', renewalCode: VACANT, requesterReference: 'STALE-W-1', purpose: 'water' },
    });
    expect(filed.statusCode).toBe(202);
    expect(filed.json().status).toBe('checking');
    expect(filed.json().document).toBeUndefined();
  });
});
