import { frameArea, stackArea } from './areas.js';
import type { Frame } from './cpu-profile.js';

const js = (file: string, name = 'f'): Frame => ({ name, file, line: 1 });
const native = (name: string): Frame => ({ name, file: '', line: 0 });

describe('areas of work in a profile', () => {
  it.each([
    ['fastify/lib/reply.js', 'fastify'],
    ['@nestjs/core/router/router-execution-context.js', 'Nest/rxjs pipeline'],
    ['rxjs/dist/cjs/internal/Subscriber.js', 'Nest/rxjs pipeline'],
    ['@nestjs/common/pipes/validation.pipe.js', 'validation'],
    ['class-validator/cjs/validation/Validator.js', 'validation'],
    ['jose/dist/webapi/jwt/verify.js', 'JWT/crypto & auth'],
    ['node:internal/crypto/cfrg', 'JWT/crypto & auth'],
    ['pino/lib/proto.js', 'logging (pino)'],
    ['better-sqlite3/lib/methods/transaction.js', 'SQLite'],
    ['src/audit/audit-log/audit-log.subscriber.js', 'SQLite'],
    ['node:internal/streams/writable', 'Node HTTP & streams'],
    ['node:internal/async_hooks', 'Node async_hooks'],
    ['src/parcels/renewal-code.js', 'Daftar: parcels'],
    ['projections/permits/permit-timeline.projection.js', 'Daftar: projections'],
    ['some-package/index.js', 'other packages'],
  ])('counts %s as %s', (file, area) => {
    expect(frameArea(js(file))).toBe(area);
  });

  it('names V8 entries and socket writes, and leaves other native calls to their caller', () => {
    expect(frameArea(native('(garbage collector)'))).toBe('GC');
    expect(frameArea(native('(idle)'))).toBe('idle');
    expect(frameArea(native('writev'))).toBe('HTTP socket writes (writev)');
    expect(frameArea(native('runMicrotasks'))).toBeUndefined();
    expect(stackArea([js('rxjs/dist/cjs/internal/Subscription.js'), native('anything')])).toBe(
      'Nest/rxjs pipeline',
    );
  });

  it("gives Node's general modules' time to whoever called them", () => {
    const pinoWriting = [js('sonic-boom/index.js'), js('node:fs', 'write'), native('writeString')];
    expect(stackArea(pinoWriting)).toBe('logging (pino)');
    expect(stackArea([js('node:internal/process/task_queues'), native('runMicrotasks')])).toBe(
      'Node (other)',
    );
  });

  it('splits SQLite by who asked for it', () => {
    const store = js('src/event-store/sqlite/sqlite-event-store.js', 'readStreamSync');
    const handler = js('src/permits/open-permit/open-permit.handler.js', 'execute');
    expect(stackArea([handler, store])).toBe('SQLite: request handler open-permit');
    expect(stackArea([handler, js('src/event-store/sqlite/sqlite-event-store.js', 'flush')])).toBe(
      'SQLite: event store append/flush',
    );
    const transaction = js('better-sqlite3/lib/methods/transaction.js', 'sqliteTransaction');
    expect(stackArea([js('src/audit/audit-log/audit-log.subscriber.js', 'write'), transaction])).toBe(
      'SQLite: subscriber audit-log',
    );
    expect(stackArea([js('src/event-store/subscriptions/projection-subscriber.js'), transaction])).toBe(
      'SQLite: subscriber projections',
    );
    expect(stackArea([js('src/event-store/sqlite/polling-subscription.js'), store])).toBe(
      'SQLite: subscriptions polling the log',
    );
    expect(stackArea([store])).toBe(
      'SQLite: other (readStreamSync in src/event-store/sqlite/sqlite-event-store.js)',
    );
  });
});
