import type { EventStore } from '../../src/event-store/event-store.port.js';
import { describeEventStoreContract } from './event-store.contract.js';

// Runs only against a real server, e.g. `docker compose up -d eventstore` then
// EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:int
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      // Loaded only here, so that a run without a server never loads the gRPC client.
      const { EventStoreDbEventStore } =
        await import('../../src/event-store/eventstoredb/eventstoredb-event-store.js');
      // The server is shared and keeps its data: the suite's streams are random per test, so there is
      // nothing to delete afterwards, and its global-log tests start from the head at the time.
      const open = () =>
        new EventStoreDbEventStore(connectionString, { resubscribeBackoffMs: { initial: 50, max: 1000 } });
      let current: EventStore = open();
      return {
        get store() {
          return current;
        },
        reopen: async () => {
          await current.close();
          current = open();
          return current;
        },
        cleanup: async () => {
          await current.close();
        },
      };
    },
    { globallyUniqueEventIds: false },
  );
} else {
  describe('EventStore contract: EventStoreDB', () => {
    console.log(
      'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set ' +
        "(start one with `docker compose up -d eventstore`, then use 'esdb://localhost:2113?tls=false').",
    );
    it.skip('runs the shared EventStore contract against EventStoreDB', () => undefined);
  });
}
