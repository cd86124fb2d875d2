import { isId } from '../../shared/ids.js';
import { fold } from '../../event-store/command-handling/decider.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import type { EventStore } from '../../event-store/event-store.port.js';
import { registrationDecider, registrationNotFound, type RegistrationState } from './registration.decider.js';
import { registrationStream, type RegistrationEvent } from './registration.events.js';

/** A registration as its stream tells it now; an id that cannot be one is simply not found. */
export async function currentRegistration(
  store: EventStore,
  registrationId: string,
): Promise<RegistrationState> {
  if (!isId(registrationId)) throw registrationNotFound();
  const history = await store.readStream(registrationStream(registrationId));
  return fold(registrationDecider, history as RecordedEvent<RegistrationEvent>[]);
}
