import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DocumentKind } from '../../documents/document.events.js';
import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../documents/issue-document/issue-document.command.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { permitStream } from '../permit.events.js';
import type { PermitState } from '../permit.state.js';
import { PermitHistory } from './permit-history.js';

const KIND_OF: Readonly<Record<string, DocumentKind>> = {
  MapOrderIssued: 'MapOrder',
  PermitIssued: 'BuildingPermit',
  CompletionCertificateIssued: 'CompletionCertificate',
};

/**
 * Issues the signed document each of these steps certifies: the map order (دستور نقشه), the building
 * permit (پروانه ساختمانی) and the completion certificate (پایانکار). The document's time is the step's.
 */
@Injectable()
export class IssuePermitDocumentsReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-documents';
  readonly handles = Object.keys(KIND_OF);

  constructor(
    private readonly history: PermitHistory,
    private readonly parcels: ParcelsReadModel,
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly readModels: ReadModelDatabase,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.readModels));
  }

  async react(event: RecordedEvent): Promise<void> {
    const file = await this.history.stateAfter(event);
    const kind = KIND_OF[event.type]!;
    const body = bodyOf(kind, file);
    if (file.status === 'absent' || !body) return;
    const parcel = this.parcels.get(`${file.municipality}:${file.renewalCode}`);
    const owners = parcel?.owners.map((o) => ({ nationalId: o.nationalId, name: o.name })) ?? [];
    const holders = owners.some((o) => o.nationalId === file.applicantNationalId)
      ? owners
      : [...owners, { nationalId: file.applicantNationalId, name: file.applicantNationalId }];
    await this.commands.execute(
      new IssueDocumentCommand(
        {
          kind,
          municipality: file.municipality,
          renewalCode: file.renewalCode,
          holders,
          body,
          subject: { stream: permitStream(file.permitId), eventId: event.id },
        },
        { ...reactionContext(this.name, event), now: event.metadata.recordedAt },
      ),
    );
  }
}

/** What each document certifies, from the file right after the step. */
function bodyOf(kind: DocumentKind, file: PermitState): Record<string, unknown> | undefined {
  if (!('mapOrder' in file)) return undefined;
  const { permitId, trackingNumber, applicationType } = file;
  const common = { permitId, ...(trackingNumber === undefined ? {} : { trackingNumber }), applicationType };
  if (kind === 'MapOrder') {
    return { ...common, ...file.mapOrder.limits, ruleSetVersion: file.mapOrder.ruleSetVersion };
  }
  if (!('validity' in file)) return undefined;
  const { design } = file.design;
  const building = {
    floors: design.floors,
    use: design.use,
    units: design.units,
    totalAreaM2: Math.round(design.floorAreasM2.reduce((sum, a) => sum + a, 0) * 100) / 100,
    parkingSpaces: design.parkingSpaces,
  };
  if (kind === 'BuildingPermit') {
    return {
      ...common,
      ...building,
      validUntil: file.validity.validUntil,
      ruleSetVersion: file.fees.ruleSetVersion,
      feesTotal: file.fees.total,
    };
  }
  return {
    ...common,
    ...building,
    permitIssuedAt: file.validity.issuedAt,
    ...('ruling' in file
      ? { commissionRuling: file.ruling.ruling, commissionReference: file.ruling.reference }
      : {}),
  };
}
