import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { InquiryResponseDto } from '../get-inquiry/inquiry.response.dto.js';
import type { FileInquiryRequestDto } from './file-inquiry.request.dto.js';

export interface FiledInquiry {
  readonly inquiry: InquiryResponseDto;
  /** This reference was filed before: the answer is that inquiry, and nothing was recorded now. */
  readonly repeated: boolean;
}

export class FileInquiryCommand extends Command<FiledInquiry> {
  constructor(
    readonly request: FileInquiryRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
