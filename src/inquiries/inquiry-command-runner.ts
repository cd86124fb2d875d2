import { Injectable } from '@nestjs/common';
import { documentsProjection } from '../../projections/documents/documents.projection.js';
import { inquiriesProjection } from '../../projections/inquiries/inquiries.projection.js';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import type { InquiryCommand } from './inquiry.commands.js';
import { inquiryDecider, inquiryNotFound } from './inquiry.decider.js';
import { inquiryStream } from './inquiry.events.js';
import { InquiriesReadModel, type InquiryView } from './inquiries.read-model.js';

export interface InquiryCommandOptions {
  /** What the answer should show of the reactions' work: waited for on this inquiry alone. */
  readonly until?: (inquiry: InquiryView | undefined) => boolean;
  /** How long to wait for it; the answer is the inquiry as it stands when the time is up. */
  readonly timeoutMs?: number;
}

/** Runs one command on an inquiry for an HTTP caller and answers the inquiry as it is afterwards. */
@Injectable()
export class InquiryCommandRunner {
  constructor(
    private readonly commands: CommandRunner,
    private readonly inquiries: InquiriesReadModel,
    private readonly subscribers: SubscriberRunner,
  ) {}

  /** `repeated`: the command had been carried out before and decided nothing now. */
  async run(
    inquiryId: string,
    command: InquiryCommand,
    context: CommandContext,
    { until, timeoutMs = 5_000 }: InquiryCommandOptions = {},
  ): Promise<{ readonly repeated: boolean; readonly inquiry: InquiryView }> {
    const deadline = Date.now() + timeoutMs;
    const result = await this.commands.run(inquiryStream(inquiryId), inquiryDecider, command, context, {
      awaiting: [inquiriesProjection.name],
    });
    const repeated = result.events.length === 0;
    if (!repeated && until) {
      const inquiry = await this.inquiries.until(inquiryId, until, deadline - Date.now());
      // The answer names its document: verification must find it as soon as the client asks.
      if (inquiry?.document) {
        await this.subscribers.waitFor(inquiry.position, {
          names: [`projection:${documentsProjection.name}`],
          timeoutMs: Math.max(0, deadline - Date.now()),
        });
      }
    }
    return { repeated, inquiry: this.inquiries.getOr(inquiryId, inquiryNotFound) };
  }
}
