import type { RecordedEvent } from '../event-store/event-envelope.js';
import { toCloudEvent } from './cloud-event.js';

const event: RecordedEvent = {
  id: '0192f3a4-5b6c-7d8e-9f00-112233445566',
  type: 'PermitIssued',
  stream: 'permit-1',
  revision: 12n,
  position: '42',
  data: { permitId: '1' },
  metadata: {
    actor: { id: 'user-secret-id', role: 'signatory', municipality: 'hamedan' },
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-04-01T08:30:00.000Z',
    schemaVersion: 1,
  },
};

describe('an event as a CloudEvent', () => {
  it('maps the envelope to the CloudEvents 1.0 attributes and Daftar’s extensions', () => {
    expect(
      toCloudEvent(
        event,
        { permitId: '1' },
        {
          category: 'permit',
          version: 1,
          publicUrl: 'https://daftar.example.ir',
          municipality: 'hamedan',
          cursor: 'CUR',
          leafIndex: 7,
        },
      ),
    ).toEqual({
      specversion: '1.0',
      id: event.id,
      source: '/daftar/hamedan/permit',
      type: 'ir.daftar.permit.PermitIssued.v1',
      time: '2026-04-01T08:30:00.000Z',
      subject: 'permit-1',
      datacontenttype: 'application/json',
      dataschema: 'https://daftar.example.ir/feed/schemas/PermitIssued',
      data: { permitId: '1' },
      daftarposition: 'CUR',
      daftarleafindex: 7,
      daftaractorrole: 'signatory',
    });
  });

  it('names no municipality as `-`, leaves out a leaf the ledger lacks, and never the actor', () => {
    const mapped = toCloudEvent(
      event,
      {},
      { category: 'organisation', version: 1, publicUrl: 'https://daftar.example.ir', cursor: 'CUR' },
    );
    expect(mapped.source).toBe('/daftar/-/organisation');
    expect(mapped).not.toHaveProperty('daftarleafindex');
    expect(JSON.stringify(mapped)).not.toContain('user-secret-id');
    // Extension names: lower-case letters and digits only (CloudEvents 1.0, "Attribute Naming").
    expect(Object.keys(mapped).every((name) => /^[a-z0-9]{1,20}$/.test(name))).toBe(true);
  });
});
