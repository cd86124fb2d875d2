import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { InquiryResponseDto, toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { InquiryAccess } from '../inquiry-access.js';
import { InquiryCommands } from '../inquiry-commands.js';
import { AnswerInquiryRequestDto } from './answer-inquiry.request.dto.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class AnswerInquiryHttpController {
  constructor(
    private readonly access: InquiryAccess,
    private readonly commands: InquiryCommands,
  ) {}

  /** A clerk of the parcel's municipality answers what the checks referred; the signed answer follows. */
  @Post(':id/answer')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Answer an inquiry waiting for a clerk: cleared, or blocked with reasons' })
  @ApiCreatedResponse({ type: InquiryResponseDto, description: 'answered, with the signed document' })
  @ApiBadRequestResponse({
    description: 'INQUIRY.REASON_REQUIRED, INQUIRY.INVALID_ANSWER, REQUEST.INVALID',
  })
  @ApiNotFoundResponse({ description: 'INQUIRY.NOT_FOUND: unknown, or not of the clerk’s municipality' })
  @ApiConflictResponse({ description: 'INQUIRY.NOT_AWAITING_CLERK, INQUIRY.ALREADY_ANSWERED' })
  async answer(
    @Param('id') id: string,
    @Body() body: AnswerInquiryRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<InquiryResponseDto> {
    const { inquiryId } = this.access.handledBy(caller, id);
    const { inquiry } = await this.commands.execute(
      inquiryId,
      {
        type: 'AnswerInquiry',
        data: {
          inquiryId,
          outcome: body.outcome,
          reasons: body.reasons ?? [],
          ...(body.amountsDue ? { amountsDue: body.amountsDue } : {}),
        },
      },
      caller.commandContext(),
      { until: (i) => i?.document !== undefined },
    );
    return toInquiryResponse(inquiry, 'staff', caller.now);
  }
}
