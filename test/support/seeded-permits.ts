import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import { history } from '../../src/permits/permit.fixtures.js';
import { newId } from '../../src/shared/ids.js';
import { untilProjected } from './test-app.js';

/**
 * A file of the fixtures' applicant (0013542419, hamedan) with its fees assessed, appended straight to
 * the store: for tests of what comes after, not of the long way there. Answers its permit id.
 */
export const feesAssessedFile = (app: NestFastifyApplication): Promise<string> =>
  seededFile(app, history.fees_assessed);

/** A new file of the fixtures' events (under a new permit id), appended straight to the store and projected. */
export async function seededFile(
  app: NestFastifyApplication,
  events: readonly PermitEvent[],
): Promise<string> {
  const permitId = newId();
  const { position } = await app.get<EventStore>(EVENT_STORE).append(
    permitStream(permitId),
    events.map((event) => ({
      id: newId(),
      ...({ ...event, data: { ...event.data, permitId } } as PermitEvent),
      metadata: {
        actor: { id: 'system:test', role: 'system' },
        correlationId: `seed-${permitId}`,
        causationId: `seed-${permitId}`,
        recordedAt: new Date().toISOString(),
        schemaVersion: 1,
      },
    })),
    { expectedRevision: 'no_stream' },
  );
  if (!(await untilProjected(app, position))) throw new Error(`permit ${permitId} was never projected`);
  return permitId;
}
