import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { InquiryResponseDto } from '../get-inquiry/inquiry.response.dto.js';
import type { AnswerInquiryRequestDto } from './answer-inquiry.request.dto.js';

export class AnswerInquiryCommand extends Command<InquiryResponseDto> {
  constructor(
    readonly inquiryId: string,
    readonly request: AnswerInquiryRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
