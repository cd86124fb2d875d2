import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DocumentKind } from '../../documents/document.events.js';
import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../documents/issue-document/issue-document.command.js';
import { documentDecider } from '../../documents/document.decider.js';
import { documentStream } from '../../documents/document.events.js';
import { DocumentsReadModel } from '../../documents/documents.read-model.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { documentsProjection } from '../../../projections/documents/documents.projection.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { permitStream, type PermitEvent } from '../permit.events.js';
import type { PermitState } from '../permit.state.js';
import { PermitHistory } from './permit-history.js';

type Renewed = Extract<PermitEvent, { type: 'PermitRenewed' }>;

const KIND_OF: Readonly<Record<string, DocumentKind>> = {
  MapOrderIssued: 'MapOrder',
  PermitIssued: 'BuildingPermit',
  PermitRenewed: 'BuildingPermit',
  CompletionCertificateIssued: 'CompletionCertificate',
};

/**
 * Issues the signed document each of these steps certifies: the map order (دستور نقشه), the building
 * permit (پروانه ساختمانی) and the completion certificate (پایانکار). The document's time is the step's.
 * A renewed permit's (تمدید پروانه) document supersedes the one it renews, which keeps verifying as
 * superseded by it; a valid permit of the same file, it records no revocation.
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
    private readonly reactions: ReactionCheckpoints,
    private readonly documents: DocumentsReadModel,
    private readonly runner: CommandRunner,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const file = await this.history.stateAfter(event);
    const kind = KIND_OF[event.type]!;
    const renewal = event.type === 'PermitRenewed' ? (event.data as Renewed['data']) : undefined;
    const body = bodyOf(kind, file, renewal);
    if (file.status === 'absent' || !body) return;
    const parcel = this.parcels.get(`${file.municipality}:${file.renewalCode}`);
    const owners = parcel?.owners.map((o) => ({ nationalId: o.nationalId, name: o.name })) ?? [];
    const holders = owners.some((o) => o.nationalId === file.applicantNationalId)
      ? owners
      : [...owners, { nationalId: file.applicantNationalId, name: file.applicantNationalId }];
    const { code } = await this.commands.execute(
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
    if (event.type === 'PermitRenewed') await this.supersedeRenewed(permitStream(file.permitId), code, event);
  }

  /** Every other valid building permit of the file: the renewed one replaces it. */
  private async supersedeRenewed(subject: string, by: string, event: RecordedEvent): Promise<void> {
    const renewed = this.documents
      .ofSubject(subject)
      .filter((d) => d.kind === 'BuildingPermit' && d.status === 'valid' && d.code !== by);
    for (const { code } of renewed) {
      await this.runner.run(
        documentStream(code),
        documentDecider,
        {
          type: 'SupersedeDocument',
          data: { code, by, reason: 'تمدید پروانه (permit renewed)', replacementExists: true },
        },
        { ...reactionContext(this.name, event), now: event.metadata.recordedAt },
        { awaiting: [documentsProjection.name] },
      );
    }
  }
}

/** What each document certifies, from the file right after the step. */
function bodyOf(
  kind: DocumentKind,
  file: PermitState,
  renewal?: Renewed['data'],
): Record<string, unknown> | undefined {
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
      ...(renewal ? { renewsValidUntil: renewal.renews.validUntil } : {}),
      ruleSetVersion: renewal?.ruleSetVersion ?? file.fees.ruleSetVersion,
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
