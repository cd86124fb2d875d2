import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parcelsProjection } from '../../../projections/parcels/parcels.projection.js';
import { anyProjection } from '../../../projections/projection.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { systemActor } from '../../identity/principal.js';
import { ParcelDebts } from '../parcel-debts.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { demoParcels } from '../demo-parcels.js';
import { demoParcelSets } from '../province-demo-parcels.js';
import { demoParcelCommands, demoRenewalDues, ParcelDemoSeeder } from './parcel-demo-seeder.js';

const context = {
  actor: systemActor('demo-seed'),
  correlationId: 'demo-seed',
  causationId: 'demo-seed',
  now: '2026-11-25T10:00:00.000Z', // 1405-09-04
};

describe('demo parcels', () => {
  it('bills 1,500 rials a square metre, at least 500,000', () => {
    expect(demoRenewalDues(100)).toBe(500_000);
    expect(demoRenewalDues(540)).toBe(810_000);
    expect(demoRenewalDues(380.83)).toBe(571_245);
  });

  it('registers, bills this year and the unpaid ones, and pays the rest', () => {
    const parcel = demoParcels.find((p) => p.renewalCode === '2-2-39-17-0-0-0')!; // owes 1404 and 1405
    expect(
      demoParcelCommands('hamedan', { ...parcel, unpaidDuesYears: [1403] }, 1405).map((c) => [
        c.type,
        c.data,
      ]),
    ).toEqual([
      [
        'RegisterParcel',
        expect.objectContaining({ municipality: 'hamedan', renewalCode: '2-2-39-17-0-0-0' }),
      ],
      ['BillRenewalDues', expect.objectContaining({ year: 1403, amount: 570_000 })],
      ['BillRenewalDues', expect.objectContaining({ year: 1405, amount: 570_000 })],
      [
        'PayRenewalDues',
        expect.objectContaining({
          year: 1405,
          amount: 570_000,
          reference: 'demo-2-2-39-17-0-0-0-1405',
          channel: 'import',
        }),
      ],
    ]);
  });
});

describe('ParcelDemoSeeder over a real store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let subscribers: SubscriberRunner;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-demo-parcels-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 10 });
    readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    subscribers = new SubscriberRunner(store, readModels, [anyProjection(parcelsProjection)]);
    subscribers.start();
  });
  afterAll(async () => {
    await subscribers.stop();
    await store.close();
    readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers every demo parcel once, with this year’s dues, and leaves them alone the second time', async () => {
    const seeder = new ParcelDemoSeeder(new CommandRunner(store, subscribers));
    const all = demoParcelSets.reduce((n, set) => n + set.parcels.length, 0);
    expect(await seeder.seed(context)).toEqual({ created: all, skipped: 0 });
    const head = await store.headPosition();
    expect(await seeder.seed({ ...context, now: '2027-04-01T10:00:00.000Z' })).toEqual({
      created: 0,
      skipped: all,
    });
    expect(await store.headPosition()).toBe(head);

    const parcels = new ParcelsReadModel(readModels);
    const debts = new ParcelDebts();
    expect(parcels.list({ where: { municipality: 'hamedan' }, limit: 100, offset: 0 }).total).toBe(
      demoParcels.length,
    );
    expect(debts.of(parcels.find('1-1-1-1-0-0-0', 'hamedan'))).toEqual({
      renewalDues: [{ year: 1405, billed: 500_000, paid: 500_000, outstanding: 0 }],
      total: 0,
      owesAnything: false,
    });
    expect(debts.of(parcels.find('1-1-1-2-0-0-0', 'hamedan'))).toEqual({
      renewalDues: [{ year: 1405, billed: 500_000, paid: 0, outstanding: 500_000 }],
      total: 500_000,
      owesAnything: true,
    });
    expect(debts.of(parcels.find('3-2-7-12-0-0-0', 'hamedan')).renewalDues).toEqual([
      { year: 1404, billed: 630_000, paid: 0, outstanding: 630_000 },
      { year: 1405, billed: 630_000, paid: 630_000, outstanding: 0 },
    ]);
    for (const { municipality, parcels: inCity } of demoParcelSets) {
      expect(parcels.list({ where: { municipality }, limit: 100, offset: 0 }).total).toBe(inCity.length);
      for (const parcel of inCity) {
        const owes = debts.of(parcels.find(parcel.renewalCode, municipality)).owesAnything;
        expect([municipality, parcel.renewalCode, owes]).toEqual([
          municipality,
          parcel.renewalCode,
          parcel.unpaidDuesYears.length > 0,
        ]);
      }
    }
  }, 60_000);
});
