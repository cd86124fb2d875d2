import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { newId } from '../../shared/ids.js';
import { permitNotFound } from '../permit.decider.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import { PermitsReadModel, type PermitDocument } from '../permits.read-model.js';
import { OpenPermitRequestDto } from './open-permit.request.dto.js';

@ApiTags('permits')
@Controller('permits')
export class OpenPermitHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly parcels: ParcelsReadModel,
    private readonly permits: PermitsReadModel,
  ) {}

  /** An owner opens a draft for their parcel, or a counter office (دفتر پیشخوان) for an owner it acts for. */
  @Post()
  @Roles(['citizen', 'counter_office'])
  @ApiOperation({ summary: 'Open a building-permit application (draft) for a parcel the applicant owns' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the owner’s national id',
  })
  @PermitCommandResponses('PERMIT.ALREADY_EXISTS')
  @ApiBadRequestResponse({
    description: 'PERMIT.INVALID_APPLICATION, PARCEL.INVALID_RENEWAL_CODE, REQUEST.INVALID',
  })
  @ApiForbiddenResponse({ description: 'PERMIT.NOT_PARCEL_OWNER, PERMIT.ON_BEHALF_OF_REQUIRED' })
  async open(
    @Body() body: OpenPermitRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    const applicant = caller.onBehalfOf ?? caller.signedIn.nationalId;
    if (!applicant) {
      throw new DomainError(
        'PERMIT.ON_BEHALF_OF_REQUIRED',
        'A counter office names the owner it acts for in X-On-Behalf-Of',
        'forbidden',
      );
    }
    const parcel = this.parcels.find(body.renewalCode, body.municipality);
    if (!parcel.owners.some((o) => o.nationalId === applicant)) {
      throw new DomainError(
        'PERMIT.NOT_PARCEL_OWNER',
        'Only an owner of the parcel may apply for its permit',
        'forbidden',
      );
    }
    if (body.renewsPermitId !== undefined) this.renewable(body.renewsPermitId, parcel.id);
    const permitId = newId();
    await this.commands.execute(
      permitId,
      {
        type: 'OpenPermitDraft',
        data: {
          permitId,
          municipality: parcel.municipality,
          renewalCode: parcel.renewalCode,
          applicationType: body.applicationType,
          applicantNationalId: applicant,
          ...(body.renewsPermitId === undefined ? {} : { renewsPermitId: body.renewsPermitId }),
        },
      },
      caller,
      options,
    );
    return this.permits.getOr(permitId, permitNotFound);
  }

  /** A renewal (تجدید پروانه) renews an issued or expired permit of the same parcel. */
  private renewable(permitId: string, parcelId: string): void {
    const renewed = this.permits.get(permitId);
    if (!renewed || `${renewed.municipality}:${renewed.renewalCode}` !== parcelId || !renewed.permit) {
      throw new DomainError(
        'PERMIT.NOT_RENEWABLE',
        'A renewal names an issued permit of the same parcel',
        'invalid',
        { renewsPermitId: permitId },
      );
    }
  }
}
