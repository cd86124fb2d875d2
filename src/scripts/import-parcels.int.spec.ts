import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiled } from '../../test/support/compiled.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { parcelStream } from '../parcels/parcel.events.js';

const HEADER =
  'municipality,renewalCode,areaM2,streetWidthM,zone,landUse,owners,existingFloors,existingAreaM2';

describe('npm run import:parcels', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let script: string;

  beforeAll(() => {
    script = compiled('dist/src/scripts/import-parcels.js');
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-import-'));
    env = { ...process.env, DAFTAR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    // The demo registers the municipality of Hamedan.
    execFileSync(process.execPath, [compiled('dist/src/scripts/seed-demo.js')], { env, encoding: 'utf8' });
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (name: string, content: string) => {
    const file = join(dataDir, name);
    writeFileSync(file, content);
    return spawnSync(process.execPath, [script, file], { env, encoding: 'utf8' });
  };

  async function streams(codes: readonly string[]) {
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    try {
      return await Promise.all(codes.map((code) => store.readStream(parcelStream('hamedan', code))));
    } finally {
      await store.close();
    }
  }

  it('imports every row of a good file, as the import’s system actor', async () => {
    const content =
      '\uFEFF' +
      [
        HEADER,
        'hamedan,1-1-99-1-0-0-0,250.5,12,R2,residential,0013542419:زهرا احمدی:100,2,300',
        'hamedan,۱-۱-۹۹-۲-۰-۰-۰,300,10,R1,residential,"0013542419:Ahmadi, Zahra:50|3860123459:علی رضایی:50",,',
        'hamedan,1-1-99-3-0-0-0,180,16,M,commercial,3861045273:مریم حسینی:100,1,99.5',
      ].join('\r\n') +
      '\r\n';
    const result = run('good.csv', content);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/Imported 3 parcel\(s\) from .*good\.csv .*\(hamedan 3\)/);

    const [first, second, third] = await streams(['1-1-99-1-0-0-0', '1-1-99-2-0-0-0', '1-1-99-3-0-0-0']);
    expect(first).toEqual([
      expect.objectContaining({
        type: 'ParcelRegistered',
        data: {
          municipality: 'hamedan',
          renewalCode: '1-1-99-1-0-0-0',
          areaM2: 250.5,
          streetWidthM: 12,
          zone: 'R2',
          landUse: 'residential',
          owners: [{ nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 100 }],
          existingBuilding: { floors: 2, areaM2: 300 },
        },
        metadata: expect.objectContaining({ actor: { id: 'system:parcel-import', role: 'system' } }),
      }),
    ]);
    expect(second![0]!.data).toMatchObject({
      owners: [
        { nationalId: '0013542419', name: 'Ahmadi, Zahra', sharePct: 50 },
        { nationalId: '3860123459', name: 'علی رضایی', sharePct: 50 },
      ],
      existingBuilding: null,
    });
    expect(third).toHaveLength(1);
  }, 120_000);

  it('imports nothing of a file with bad rows, and names their lines', async () => {
    const registered = run(
      'registered.csv',
      [HEADER, 'hamedan,1-1-97-1-0-0-0,250,12,R2,residential,0013542419:زهرا احمدی:100,,'].join('\n'),
    );
    expect([registered.status, registered.stderr]).toEqual([0, '']);
    const content = [
      HEADER,
      'hamedan,1-1-98-1-0-0-0,250,12,R2,residential,0013542419:زهرا احمدی:100,,',
      'hamedan,1-1-98,250,12,R2,residential,0013542419:زهرا احمدی:100,,',
      'hamedan,1-1-98-2-0-0-0,250,12,R2,residential,0013542419:زهرا احمدی:100,,',
      'hamedan,1-1-98-3-0-0-0,250,12,R2,residential,0013542419:زهرا احمدی:60,,',
      // Registered above: an import never registers a parcel twice.
      'hamedan,1-1-97-1-0-0-0,250,12,R2,residential,0013542419:زهرا احمدی:100,,',
    ].join('\n');
    const result = run('bad.csv', content);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/bad\.csv:3: renewalCode "1-1-98"/);
    expect(result.stderr).toMatch(/bad\.csv:5: owners: .*SHARES_NOT_100/);
    expect(result.stderr).toMatch(/bad\.csv:6: parcel 1-1-97-1-0-0-0 is already registered/);
    expect(result.stderr).toMatch(/Nothing imported: 3 problem\(s\) on 3 line\(s\)/);
    expect((await streams(['1-1-98-1-0-0-0', '1-1-98-2-0-0-0'])).flat()).toEqual([]);
  }, 120_000);

  it('says how to call it without a file', () => {
    const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('usage: npm run import:parcels -- <file.csv>');
  });
});
