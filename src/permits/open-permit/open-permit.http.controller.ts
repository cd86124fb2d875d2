import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { Location } from '../../shared/http/command-response.interceptor.js';
import { PERMIT_APPLICANTS } from '../permit-access.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { OpenPermitCommand } from './open-permit.command.js';
import { OpenPermitRequestDto } from './open-permit.request.dto.js';

@ApiTags('permits')
@Controller('permits')
export class OpenPermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** An owner opens a draft for their parcel, or a counter office (دفتر پیشخوان) for an owner it acts for. */
  @Post()
  @Location('/permits/{permitId}')
  @Roles(PERMIT_APPLICANTS)
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
  openPermit(
    @Body() body: OpenPermitRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new OpenPermitCommand(caller, options, body));
  }
}
