import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../event-store/event-envelope.js';
import { eventEntry, eventLeafHash } from './event-leaf.js';

const event = (name: string): RecordedEvent =>
  ({
    id: '01920000-0000-7000-8000-000000000001',
    type: 'ParcelOwnershipChanged',
    stream: 'parcel-1',
    revision: 3n,
    position: '42',
    data: { owners: [{ name, sharePct: 100 }] },
    metadata: {
      actor: { id: 'clerk', role: 'clerk' },
      correlationId: 'c',
      causationId: 'c',
      recordedAt: '2026-12-03T08:00:00.000Z',
      schemaVersion: 1,
    },
  }) as RecordedEvent;

describe('eventEntry', () => {
  it('is RFC 8785 JSON of the event without its position, the revision as a decimal string', () => {
    const text = Buffer.from(eventEntry(event('زهرا 😀'))).toString('utf8');
    expect(text).toBe(
      '{"data":{"owners":[{"name":"زهرا 😀","sharePct":100}]},"id":"01920000-0000-7000-8000-000000000001",' +
        '"metadata":{"actor":{"id":"clerk","role":"clerk"},"causationId":"c","correlationId":"c",' +
        '"recordedAt":"2026-12-03T08:00:00.000Z","schemaVersion":1},"revision":"3","stream":"parcel-1",' +
        '"type":"ParcelOwnershipChanged"}',
    );
  });

  it('makes a leaf of an older event holding a lone surrogate, counting it as U+FFFD', () => {
    const text = Buffer.from(eventEntry(event('a\ud800b'))).toString('utf8');
    expect(text).toContain('"name":"a\ufffdb"');
  });
});

describe('eventLeafHash', () => {
  it.each(['زهرا 😀', 'a\ud800b', '"\\\u0000'])('is SHA-256(0x00 ‖ eventEntry) for %p', (name) => {
    const entry = eventEntry(event(name));
    const expected = createHash('sha256').update(Uint8Array.of(0)).update(entry).digest('hex');
    expect(Buffer.from(eventLeafHash(event(name))).toString('hex')).toBe(expected);
  });
});
