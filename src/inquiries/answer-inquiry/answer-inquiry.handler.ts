import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type InquiryResponseDto, toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { InquiryAccess } from '../inquiry-access.js';
import { InquiryCommandRunner } from '../inquiry-command-runner.js';
import { AnswerInquiryCommand } from './answer-inquiry.command.js';

@CommandHandler(AnswerInquiryCommand)
export class AnswerInquiryHandler implements ICommandHandler<AnswerInquiryCommand> {
  constructor(
    private readonly access: InquiryAccess,
    private readonly commands: InquiryCommandRunner,
  ) {}

  async execute({ inquiryId: id, request, caller }: AnswerInquiryCommand): Promise<InquiryResponseDto> {
    const { inquiryId } = this.access.handledBy(caller, id);
    const { inquiry } = await this.commands.run(
      inquiryId,
      {
        type: 'AnswerInquiry',
        data: {
          inquiryId,
          outcome: request.outcome,
          reasons: request.reasons ?? [],
          ...(request.amountsDue ? { amountsDue: request.amountsDue } : {}),
        },
      },
      caller.commandContext(),
      { until: (i) => i?.document !== undefined },
    );
    return toInquiryResponse(inquiry, 'staff', caller.now);
  }
}
