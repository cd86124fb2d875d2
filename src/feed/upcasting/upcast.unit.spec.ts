import { DAFTAR_EVENT_TYPES } from '../../../projections/daftar-events.js';
import { EVENT_SCHEMA_VERSION } from '../../event-store/command-handling/handle-command.js';
import { deepFreeze } from '../../shared/deep-freeze.js';
import type { MunicipalityEvent } from '../../identity/municipalities/municipality.events.js';
import { currentVersion, upcast } from './upcast.js';
import { UPCASTERS, type UpcasterTable } from './upcasters.js';

type Registered = Extract<MunicipalityEvent, { type: 'MunicipalityRegistered' }>['data'];
const hamedan: Registered = {
  code: 'hamedan',
  name: 'Hamedan',
  nameFa: 'همدان',
  regions: [{ code: '1', name: 'Region 1' }],
};

/**
 * A test-only history of a real type (no production step exists): v2 always names the province (null
 * when unknown), v3 lists region codes only.
 */
const table: UpcasterTable = {
  MunicipalityRegistered: [
    (data) => ({ province: null, ...(data as Registered) }),
    (data) => {
      const { regions, ...rest } = data as Registered;
      return { ...rest, regionCodes: regions.map((r) => r.code) };
    },
  ],
};
const v3 = { code: 'hamedan', name: 'Hamedan', nameFa: 'همدان', province: null, regionCodes: ['1'] };
const written = (schemaVersion: number, data: unknown) =>
  deepFreeze({ type: 'MunicipalityRegistered', data, metadata: { schemaVersion } });

describe('upcasting', () => {
  it('publishes an event of any stored version in its type’s current version, one shape per type', () => {
    const fromV1 = upcast(written(1, hamedan), table);
    const fromV2 = upcast(written(2, { ...hamedan, province: null }), table);
    const fromV3 = upcast(written(3, v3), table);
    expect([fromV1, fromV2, fromV3]).toEqual([
      { type: 'MunicipalityRegistered', version: 3, data: v3 },
      { type: 'MunicipalityRegistered', version: 3, data: v3 },
      { type: 'MunicipalityRegistered', version: 3, data: v3 },
    ]);
  });

  it('applies only the steps after the version an event was written in, in order', () => {
    const calls: string[] = [];
    const traced: UpcasterTable = {
      RegionAdded: [1, 2, 3].map((n) => (data: unknown) => {
        calls.push(`v${n}→v${n + 1}`);
        return data;
      }),
    };
    const regionAdded = deepFreeze({ type: 'RegionAdded', data: {}, metadata: { schemaVersion: 2 } });
    expect(upcast(regionAdded, traced).version).toBe(4);
    expect(calls).toEqual(['v2→v3', 'v3→v4']);
  });

  it('passes an event already in the current version through untouched', () => {
    const event = written(1, hamedan);
    expect(upcast(event)).toEqual({ type: 'MunicipalityRegistered', version: 1, data: hamedan });
    expect(upcast(event).data).toBe(hamedan);
  });

  it.each([0, 4, 1.5, Number.NaN])('refuses version %p, which no schema describes', (version) => {
    expect(() => upcast(written(version, hamedan), table)).toThrow(/MunicipalityRegistered is in version/);
  });

  it('refuses an unknown version as unavailable (503), naming where the feed stopped', () => {
    // After a rollback, events a newer Daftar wrote: a clear 503 to retry later, not a 500.
    const event = { ...written(4, hamedan), position: '42' };
    expect(() => upcast(event, table)).toThrow(
      expect.objectContaining({
        name: 'DomainError',
        code: 'FEED.UNKNOWN_EVENT_VERSION',
        kind: 'unavailable',
        details: { type: 'MunicipalityRegistered', version: 4, position: '42' },
        message: expect.stringContaining('at position 42'),
      }),
    );
  });

  it('has no production step yet, and the command side writes every type at its current version', () => {
    // When a type gets its first step, toNewEvent must write currentVersion(type) instead of one number.
    expect(Object.keys(UPCASTERS)).toEqual([]);
    const behind = DAFTAR_EVENT_TYPES.filter((type) => currentVersion(type) !== EVENT_SCHEMA_VERSION);
    expect(behind).toEqual([]);
    expect(currentVersion('MunicipalityRegistered', table)).toBe(3);
  });
});
