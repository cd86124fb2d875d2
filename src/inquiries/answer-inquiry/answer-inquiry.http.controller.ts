import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import { InquiryResponseDto } from '../get-inquiry/inquiry.response.dto.js';
import { AnswerInquiryCommand } from './answer-inquiry.command.js';
import { AnswerInquiryRequestDto } from './answer-inquiry.request.dto.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class AnswerInquiryHttpController {
  constructor(private readonly commands: CommandBus) {}

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
  answerInquiry(
    @Param('id') id: string,
    @Body() body: AnswerInquiryRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<InquiryResponseDto> {
    return this.commands.execute(new AnswerInquiryCommand(id, body, caller));
  }
}
