import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { InquiryEvent } from '../inquiry.events.js';

type Filed = Extract<InquiryEvent, { type: 'InquiryFiled' }>;
export type CheckedInquiry = Pick<Filed['data'], 'inquiryId' | 'kind' | 'municipality' | 'renewalCode'>;

/** Judge an inquiry's parcel on the read models as they stand; the decider answers or refers it. */
export class CheckInquiryCommand extends Command<void> {
  constructor(
    readonly inquiry: CheckedInquiry,
    readonly context: CommandContext,
  ) {
    super();
  }
}
