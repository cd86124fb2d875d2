import { Body, Controller, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
import type { ParcelDocument } from '../../../projections/parcels/parcels.projection.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { InquiryResponseDto, toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { INQUIRY_FILERS, KIND_OF_ROLE } from '../inquiry-access.js';
import { InquiryCommands } from '../inquiry-commands.js';
import type { InquiryRequester } from '../inquiry.events.js';
import { FileInquiryRequestDto } from './file-inquiry.request.dto.js';
import { inquiryIdOf } from './inquiry-id.js';

/** How long a filing waits for the automatic answer before answering 202. */
const ANSWER_WAIT_MS = 2_000;

@ApiTags('inquiries')
@Controller('inquiries')
export class FileInquiryHttpController {
  constructor(
    private readonly commands: InquiryCommands,
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  @Post()
  @Roles(INQUIRY_FILERS, { permission: 'inquiries:file' })
  @ApiOperation({
    summary: 'File a property inquiry (استعلام); a parcel that owes nothing is answered at once',
    description:
      'A notary office files Transfer, a bank Bank, a utility Utility (people or API keys of the organisation), ' +
      'a citizen NoViolation for a parcel they own. The parcel is checked at once: when nothing stands in the ' +
      'way the answer and its signed document come back in this response (201); otherwise 202, and the ' +
      'inquiry waits for a clerk or a payment: poll GET /inquiries/{id}.',
  })
  @ApiCreatedResponse({ type: InquiryResponseDto, description: 'answered, with the signed document' })
  @ApiAcceptedResponse({ type: InquiryResponseDto, description: 'filed, not answered yet (see status)' })
  @ApiOkResponse({ type: InquiryResponseDto, description: 'this reference was filed before: that inquiry' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID, PARCEL.INVALID_RENEWAL_CODE, PARCEL.AMBIGUOUS' })
  @ApiForbiddenResponse({ description: 'INQUIRY.KIND_NOT_ALLOWED, INQUIRY.NOT_PARCEL_OWNER' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND' })
  @ApiConflictResponse({ description: 'INQUIRY.REFERENCE_USED, RULESET.NOT_IN_FORCE' })
  async file(
    @Body() body: FileInquiryRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InquiryResponseDto> {
    // The roles policy guarantees the grant it acts under.
    const grant = caller.grant!;
    if (KIND_OF_ROLE[grant.role] !== body.kind) {
      throw new DomainError(
        'INQUIRY.KIND_NOT_ALLOWED',
        `A ${grant.role} files ${KIND_OF_ROLE[grant.role] ?? 'no'} inquiries`,
        'forbidden',
        { allowed: KIND_OF_ROLE[grant.role] },
      );
    }
    const parcel = this.parcels.find(body.renewalCode, body.municipality);
    const requester = requesterOf(caller, parcel);
    const inquiryId = inquiryIdOf(requester, body.requesterReference);
    const { inquiryDeadlineDays } = this.ruleSets.requireInForce(parcel.municipality, caller.now);
    const { repeated, inquiry } = await this.commands.execute(
      inquiryId,
      {
        type: 'FileInquiry',
        data: {
          inquiryId,
          kind: body.kind,
          municipality: parcel.municipality,
          renewalCode: parcel.renewalCode,
          requester,
          requesterReference: body.requesterReference,
          purpose: body.purpose,
          at: caller.now,
          deadlineDays: inquiryDeadlineDays[body.kind],
        },
      },
      caller.commandContext(),
      {
        until: (i) => i?.status === 'awaiting_clerk' || i?.document !== undefined,
        timeoutMs: ANSWER_WAIT_MS,
      },
    );
    void reply
      .status(repeated ? 200 : inquiry.document ? 201 : 202)
      .header('location', `/inquiries/${inquiryId}`);
    return toInquiryResponse(inquiry, 'requester', caller.now);
  }
}

/** An organisation asks for itself; a citizen only about a parcel they own. */
function requesterOf(caller: Caller, parcel: ParcelDocument): InquiryRequester {
  const { organisation } = caller.grant!;
  if (organisation) return { organisation };
  const { nationalId } = caller.signedIn;
  if (!nationalId || !parcel.owners.some((o) => o.nationalId === nationalId)) {
    throw new DomainError(
      'INQUIRY.NOT_PARCEL_OWNER',
      'A citizen asks for a no-violation certificate of a parcel they own',
      'forbidden',
    );
  }
  return { nationalId };
}
