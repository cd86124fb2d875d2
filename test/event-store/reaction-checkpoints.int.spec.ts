import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { parkedEvent, ParkedEvents } from '../../src/event-store/subscriptions/parked-events.js';
import { ReactionCheckpoints } from '../../src/event-store/subscriptions/reaction-checkpoints.js';
import {
  ReactionSubscriber,
  type Reaction,
} from '../../src/event-store/subscriptions/reaction-subscriber.js';
import { SubscriberRunner } from '../../src/event-store/subscriptions/subscriber-runner.js';
import { UserAccounts } from '../../src/identity/users/user-accounts.service.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

/** A reaction that only counts what it is handed: each count is an effect made again. */
@Injectable()
class CountingReaction implements Reaction, OnModuleInit {
  readonly name = 'counting';
  readonly handles = ['UserCreated'];
  readonly seen: string[] = [];

  constructor(
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    this.seen.push(event.id);
  }
}

@Module({ providers: [CountingReaction] })
class CountingReactionModule {}

const REACTION = 'reaction:counting';

/** Reaction checkpoints record effects already made: they live apart from the disposable read models. */
describe('the reactions’ checkpoints in reactions.db', () => {
  let dataDir: string;
  let app: TestApp | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-reactions-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ counting: CountingReaction; reactions: ReactionCheckpoints }> {
    app = await startTestApp({ dataDir, extraModules: [CountingReactionModule] });
    await untilReady(app.app);
    return { counting: app.app.get(CountingReaction), reactions: app.app.get(ReactionCheckpoints) };
  }

  async function stop(): Promise<void> {
    await app!.close();
    app = undefined;
  }

  /** Three events the counting reaction handles (three accounts, in three streams), handled; answers the log's head. */
  async function countThree(counting: CountingReaction): Promise<string> {
    const context = {
      actor: { id: 'system:test', role: 'system' as const },
      correlationId: 't',
      causationId: 't',
    };
    for (const username of ['ali', 'babak', 'cyrus']) {
      await app!.app.get(UserAccounts).create(
        {
          username,
          displayName: username,
          password: 'a-long-test-password',
          grants: [],
          origin: 'bootstrap',
        },
        { ...context, now: new Date().toISOString() },
      );
    }
    await until('the reaction counts', () => (counting.seen.length === 3 ? true : undefined));
    await untilReady(app!.app);
    return (await app!.app.get<EventStore>(EVENT_STORE).headPosition())!;
  }

  function remove(pattern: RegExp): string[] {
    const files = readdirSync(dataDir).filter((file) => pattern.test(file));
    for (const file of files) rmSync(join(dataDir, file));
    return files;
  }

  it('survive the read models and the ledger tree deleted while stopped: no reaction runs again', async () => {
    const first = await start();
    const head = await countThree(first.counting);
    await stop();
    expect(remove(/^(read-models|ledger)\.db(-wal|-shm)?$/)).toEqual(
      expect.arrayContaining(['read-models.db', 'ledger.db']),
    );

    const second = await start();
    expect(second.counting.seen).toEqual([]);
    expect(second.reactions.checkpoint(REACTION)?.position).toBe(head);
  });

  it('are carried over from the read-model file of an older data directory, with the parked events, once', async () => {
    const first = await start();
    const head = await countThree(first.counting);
    const store = app!.app.get<EventStore>(EVENT_STORE);
    const [stuck] = (await store.readAll(undefined, { types: ['UserCreated'] })).events;
    await stop();
    layOutTheOldWay(dataDir, stuck!);

    const second = await start();
    expect(second.counting.seen).toEqual([]);
    expect(second.reactions.checkpoint(REACTION)?.position).toBe(head);
    expect(second.reactions.parked.list()).toEqual({
      items: [expect.objectContaining({ subscriber: REACTION, eventId: stuck!.id, reason: 'failed' })],
      total: 1,
    });
    expect(second.reactions.db.prepare('SELECT count(*) FROM subscriber_checkpoints').pluck().get()).toBe(
      reactionNames.length,
    );
    await stop();
    expect(oldRows(dataDir)).toEqual({ checkpoints: [], parkedTable: undefined });

    const third = await start();
    expect(third.counting.seen).toEqual([]);
    expect(third.reactions.parked.list().total).toBe(1);
  });

  it('keep their own checkpoint over an older one left in the read-model file', () => {
    const reactions = new ReactionCheckpoints(join(dataDir, 'reactions.db'));
    const readModels = new Database(join(dataDir, 'read-models.db'));
    try {
      readModels.exec(
        'CREATE TABLE subscriber_checkpoints (name TEXT PRIMARY KEY, position TEXT, version INTEGER)',
      );
      readModels
        .prepare("INSERT INTO subscriber_checkpoints VALUES (?, '3', 1), ('counter', '9', 1)")
        .run(REACTION);
      reactions.saveCheckpoint(REACTION, '7', 1);
      reactions.carryOverFrom(join(dataDir, 'read-models.db'));
      expect(reactions.checkpoint(REACTION)).toEqual({ position: '7', version: 1 });
      expect(readModels.prepare('SELECT name FROM subscriber_checkpoints').pluck().all()).toEqual([
        'counter',
      ]);
    } finally {
      readModels.close();
      reactions.close();
    }
  });

  let reactionNames: string[] = [];

  /** Moves what reactions.db holds into read-models.db, as data directories kept it before, with one event parked. */
  function layOutTheOldWay(dir: string, stuck: RecordedEvent): void {
    const reactions = new Database(join(dir, 'reactions.db'));
    const rows = reactions
      .prepare<[], { name: string; position: string | null; version: number }>(
        'SELECT name, position, version FROM subscriber_checkpoints',
      )
      .all();
    reactions.close();
    reactionNames = rows.map((r) => r.name);
    expect(reactionNames).toContain(REACTION);
    remove(/^reactions\.db(-wal|-shm)?$/);
    const readModels = new Database(join(dir, 'read-models.db'));
    try {
      const put = readModels.prepare(
        'INSERT INTO subscriber_checkpoints (name, position, version) VALUES (?, ?, ?)',
      );
      for (const row of rows) put.run(row.name, row.position, row.version);
      new ParkedEvents(readModels).park([parkedEvent(REACTION, stuck, 'failed', 'it kept failing')]);
    } finally {
      readModels.close();
    }
  }
});

function oldRows(dir: string): { checkpoints: unknown[]; parkedTable: unknown } {
  const db = new Database(join(dir, 'read-models.db'), { readonly: true });
  try {
    return {
      checkpoints: db
        .prepare("SELECT name FROM subscriber_checkpoints WHERE name LIKE 'reaction:%'")
        .pluck()
        .all(),
      parkedTable: db.prepare("SELECT name FROM sqlite_master WHERE name = 'parked_events'").pluck().get(),
    };
  } finally {
    db.close();
  }
}
