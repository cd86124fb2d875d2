import type { AppConfig } from '../../config/app-config.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import type { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import type { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import type { OrganisationsReadModel } from '../../identity/organisations/organisations.read-model.js';
import type { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import type { FileFactsReader } from './file-facts.js';
import type { Notifier } from './notifier.js';
import { NotifyReaction } from './notify.reaction.js';

const HOUR_MS = 3_600_000;

function submittedAt(recordedAt: string): RecordedEvent {
  return {
    id: `event-${recordedAt}`,
    type: 'PermitSubmitted',
    stream: 'permit-p1',
    revision: 3n,
    position: '10',
    data: { permitId: 'p1' },
    metadata: {
      actor: { id: 'citizen', role: 'citizen' },
      correlationId: 'c',
      causationId: 'c',
      recordedAt,
      schemaVersion: 1,
    },
  } as unknown as RecordedEvent;
}

describe('NotifyReaction', () => {
  const told: unknown[] = [];
  const files = {
    of: async () => ({
      process: 'permit',
      id: 'p1',
      municipality: 'hamedan',
      renewalCode: '1-1-1-1-0-0-0',
      applicationType: 'NewConstruction',
      applicant: '0013542419',
      trackingNumber: '8923697879',
    }),
  } as unknown as FileFactsReader;
  const notifier = { notify: async (notice: unknown) => void told.push(notice) } as unknown as Notifier;
  const config = { publicUrl: 'https://daftar.example.ir', notifications: { maxAgeHours: 24 } } as AppConfig;
  const reaction = new NotifyReaction(
    files,
    notifier,
    {} as ParcelsReadModel,
    {} as OrganisationsReadModel,
    {} as SubscriberRunner,
    {} as ReactionCheckpoints,
    config,
  );

  beforeEach(() => (told.length = 0));

  it('tells the applicant of a file received now', async () => {
    await reaction.react(submittedAt(new Date(Date.now() - HOUR_MS).toISOString()));
    expect(told).toEqual([
      expect.objectContaining({
        to: { nationalId: '0013542419' },
        item: expect.objectContaining({ topic: 'file_received' }),
      }),
    ]);
  });

  it('tells nobody of news older than DAFTAR_NOTIFY_MAX_AGE_HOURS: a first start on an old log texts no one', async () => {
    await reaction.react(submittedAt(new Date(Date.now() - 25 * HOUR_MS).toISOString()));
    expect(told).toEqual([]);
  });
});
