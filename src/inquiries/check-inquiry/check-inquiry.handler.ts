import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DocumentsReadModel } from '../../documents/documents.read-model.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { parcelNotFound } from '../../parcels/parcel.decider.js';
import { ParcelDebts } from '../../parcels/parcel-debts.js';
import { parcelId } from '../../parcels/parcel.events.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { inquiryFindings } from '../inquiry-checks.js';
import { inquiryDecider } from '../inquiry.decider.js';
import { inquiryStream } from '../inquiry.events.js';
import { parcelFacts } from '../reactions/parcel-facts.js';
import { CheckInquiryCommand, type CheckedInquiry } from './check-inquiry.command.js';

@CommandHandler(CheckInquiryCommand)
export class CheckInquiryHandler implements ICommandHandler<CheckInquiryCommand> {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly debts: ParcelDebts,
    private readonly permits: PermitsReadModel,
    private readonly documents: DocumentsReadModel,
    private readonly commands: CommandRunner,
  ) {}

  async execute({ inquiry, context }: CheckInquiryCommand): Promise<void> {
    await this.commands.run(
      inquiryStream(inquiry.inquiryId),
      inquiryDecider,
      { type: 'CheckInquiry', data: { inquiryId: inquiry.inquiryId, ...this.findings(inquiry) } },
      context,
      { awaiting: [] },
    );
  }

  private findings({ kind, municipality, renewalCode }: CheckedInquiry) {
    const parcel = this.parcels.getOr(parcelId(municipality, renewalCode), () => parcelNotFound(renewalCode));
    const files = this.permits.list({ where: { municipality, renewalCode }, limit: 1_000, offset: 0 }).items;
    const withdrawn = (code: string) => this.documents.get(code)?.status !== 'valid';
    return inquiryFindings(kind, parcelFacts(parcel, this.debts.of(parcel), files, withdrawn));
  }
}
