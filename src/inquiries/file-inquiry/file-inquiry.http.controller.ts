import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { InquiryResponseDto } from '../get-inquiry/inquiry.response.dto.js';
import { INQUIRY_FILERS } from '../inquiry-access.js';
import { FileInquiryCommand } from './file-inquiry.command.js';
import { FileInquiryRequestDto } from './file-inquiry.request.dto.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class FileInquiryHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles(INQUIRY_FILERS, { permission: 'inquiries:file' })
  @ApiOperation({
    summary: 'File a property inquiry (استعلام); a parcel that owes nothing is answered at once',
    description:
      'A notary office files Transfer, a bank Bank, a utility Utility (people or API keys of the organisation), ' +
      'a citizen NoViolation for a parcel they own, a counter office NoViolation for the citizen it acts for ' +
      '(X-On-Behalf-Of, under their consent; the citizen is the requester). The parcel is checked at once: when nothing stands in the ' +
      'way the answer and its signed document come back in this response (201); otherwise 202, and the ' +
      'inquiry waits for a clerk or a payment: poll GET /inquiries/{id}.',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices (required): the national id of the citizen they file for',
  })
  @ApiCreatedResponse({ type: InquiryResponseDto, description: 'answered, with the signed document' })
  @ApiAcceptedResponse({ type: InquiryResponseDto, description: 'filed, not answered yet (see status)' })
  @ApiOkResponse({ type: InquiryResponseDto, description: 'this reference was filed before: that inquiry' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID, PARCEL.INVALID_RENEWAL_CODE, PARCEL.AMBIGUOUS' })
  @ApiForbiddenResponse({
    description:
      'INQUIRY.KIND_NOT_ALLOWED, INQUIRY.NOT_PARCEL_OWNER, INQUIRY.ON_BEHALF_OF_REQUIRED, ACCESS.NO_CONSENT',
  })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND' })
  @ApiConflictResponse({ description: 'INQUIRY.REFERENCE_USED, RULESET.NOT_IN_FORCE' })
  async fileInquiry(
    @Body() body: FileInquiryRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InquiryResponseDto> {
    const { repeated, inquiry } = await this.commands.execute(new FileInquiryCommand(body, caller));
    void reply
      .status(repeated ? 200 : inquiry.document ? 201 : 202)
      .header('location', `/inquiries/${inquiry.inquiryId}`);
    return inquiry;
  }
}
