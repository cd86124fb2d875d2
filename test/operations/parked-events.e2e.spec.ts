import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { parcelStream } from '../../src/parcels/parcel.events.js';
import { newId } from '../../src/shared/ids.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

/** Two demo parcels that owe nothing: a Transfer inquiry on either is answered with a signed document. */
const GOOD = '1-1-1-1-0-0-0';
const UNSIGNABLE = '1-1-1-3-0-0-0';
const OWNERS = [
  { nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 50 },
  { nationalId: '3864712092', name: 'علی رضایی', sharePct: 50 },
];

interface Parked {
  subscriber: string;
  eventId: string;
  stream: string;
  reason: string;
  message: string;
}

describe('a reaction parks the event it cannot handle and goes on with the others', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(t.app, method, url, { token: token[who]!, ...(body === undefined ? {} : { body }) });

  /** The inquiry's document code once the reactions have handled everything so far (read-your-writes). */
  async function documentOf(inquiryId: string): Promise<string | undefined> {
    await untilSettled(t.app);
    return (await as('notary', 'GET', `/inquiries/${inquiryId}`)).json().document?.code;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of ['admin', 'notary', 'clerk']) token[user] = await signIn(t.app, user, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => t.close());

  it('issues the answers of other files while one owner’s name cannot be signed, lists it, and retries it once fixed', async () => {
    // An owner's name with a lone surrogate, as written before requests refused them: no document can sign it.
    const id = newId();
    await t.app.get<EventStore>(EVENT_STORE).append(
      parcelStream('hamedan', UNSIGNABLE),
      [
        {
          id,
          type: 'ParcelOwnershipChanged',
          data: {
            municipality: 'hamedan',
            renewalCode: UNSIGNABLE,
            owners: [{ ...OWNERS[0]!, name: 'زهرا \ud800' }, OWNERS[1]],
            reason: 'an old import',
          },
          metadata: {
            actor: { id: 'import', role: 'system' },
            correlationId: id,
            causationId: id,
            recordedAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    await untilReady(t.app);
    const file = (renewalCode: string, requesterReference: string) =>
      as('notary', 'POST', '/inquiries', {
        kind: 'Transfer',
        renewalCode,
        requesterReference,
        purpose: 'sale',
      });
    const stuck = (await file(UNSIGNABLE, 'PARK-1')).json().inquiryId as string;
    const good = (await file(GOOD, 'PARK-2')).json().inquiryId as string;

    expect(await documentOf(good)).toEqual(expect.any(String));
    const parked: Parked[] = (await as('admin', 'GET', '/admin/parked-events')).json().items;
    expect(parked).toEqual([
      expect.objectContaining({
        subscriber: 'reaction:inquiry-answers',
        stream: `inquiry-${stuck}`,
        reason: 'failed',
        message: expect.stringContaining('lone UTF-16 surrogate'),
      }),
    ]);
    expect(await documentOf(stuck)).toBeUndefined();

    // Still ready: the reaction goes on, and /ready counts what it parked.
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().subscribers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'reaction:inquiry-answers', state: 'live', parked: 1 }),
      ]),
    );

    const { subscriber, eventId } = parked[0]!;
    const retryUrl = `/admin/parked-events/${subscriber}/${eventId}/retry`;
    const again = await as('admin', 'POST', retryUrl, {});
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'failed', processed: [], failure: { eventId } });

    const fixed = await as('clerk', 'POST', `/parcels/${UNSIGNABLE}/ownership`, {
      owners: OWNERS,
      reason: 'the owner’s name corrected',
    });
    expect(fixed.statusCode).toBeLessThan(300);
    const retried = await as('admin', 'POST', retryUrl, {});
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({ outcome: 'processed', processed: [eventId] });
    expect(await documentOf(stuck)).toEqual(expect.any(String));
    expect((await as('admin', 'GET', '/admin/parked-events')).json()).toEqual({ items: [], total: 0 });
    expect((await as('admin', 'POST', retryUrl, {})).json().code).toBe('PARKED_EVENT.NOT_FOUND');
  }, 30_000);

  it('is for admins only', async () => {
    expect((await as('clerk', 'GET', '/admin/parked-events')).statusCode).toBe(403);
    expect((await as('clerk', 'POST', '/admin/parked-events/reaction:fees/x/retry', {})).statusCode).toBe(
      403,
    );
    expect((await call(t.app, 'GET', '/admin/parked-events')).statusCode).toBe(401);
  });
});
