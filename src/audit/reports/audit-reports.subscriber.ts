import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { CheckpointedSubscriber } from '../../event-store/subscriptions/checkpointed-subscriber.js';
import type { DaftarEvent } from '../../../projections/daftar-events.js';
import { conflictOf, partiesOf } from '../../../projections/audit-reports/conflicts.js';
import { loginFactOf } from '../../../projections/audit-reports/logins.js';
import { knownUserAfter, knownUserIdOf, ownersNamed } from '../../../projections/audit-reports/people.js';
import { reportFacts, trackedIdOf } from '../../../projections/audit-reports/report-facts.js';
import {
  AUDIT_REPORTS_SUBSCRIBER,
  AUDIT_REPORTS_VERSION,
  type AuditReportsReadModel,
} from './audit-reports.read-model.js';

/**
 * Keeps the facts of the oversight reports from every event of the log, a page of events and the
 * checkpoint in one transaction, so each event counts exactly once.
 */
export class AuditReportsSubscriber extends CheckpointedSubscriber {
  private readonly takeAll: Database.Transaction<(events: readonly RecordedEvent[]) => void>;

  constructor(reports: AuditReportsReadModel) {
    super(AUDIT_REPORTS_SUBSCRIBER, reports.readModels);
    this.takeAll = reports.readModels.db.transaction((events: readonly RecordedEvent[]) => {
      for (const event of events as readonly RecordedEvent<DaftarEvent>[]) take(reports, event);
      reports.readModels.saveCheckpoint(this.name, events.at(-1)!.position, AUDIT_REPORTS_VERSION);
    });
  }

  protected delivery() {
    const takeAll = (events: readonly RecordedEvent[]) => {
      this.takeAll(events);
      this.advanced(events.at(-1)!.position);
    };
    return {
      filter: {},
      handler: { onEvent: (event: RecordedEvent) => takeAll([event]), onEvents: takeAll },
    };
  }
}

/** What one event adds: the file facts, then the people behind them (a user, a parcel's owners, a sign-in). */
function take(reports: AuditReportsReadModel, event: RecordedEvent<DaftarEvent>): void {
  const id = trackedIdOf(event);
  const file = id === undefined ? undefined : reports.file(id);
  const facts = reportFacts(file, event);
  reports.record(facts);
  const { people } = reports;
  const parties = facts.action && partiesOf(event, facts.file ?? file);
  const owners = ownersNamed(event);
  if (facts.action && parties) {
    const staff = people.user(facts.action.actorId)?.nationalId;
    const onRecord = [...people.owners(parties.parcel), ...(owners?.nationalIds ?? [])];
    const conflict = conflictOf(facts.action, parties, staff, onRecord);
    if (conflict) reports.recordConflict(conflict, parties.region);
  }
  if (owners) people.setOwners(owners.parcel, owners.nationalIds);
  const userId = knownUserIdOf(event);
  const user = userId === undefined ? undefined : knownUserAfter(people.user(userId), event);
  if (user) people.saveUser(user);
  const login = loginFactOf(event, (username) => people.userIdOf(username));
  if (login) people.recordLogin(login);
}
