import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';
import { nominateEngineer, nomineeOf } from './nominate-engineer.command.js';
import { NominateEngineerRequestDto } from './nominate-engineer.request.dto.js';

@ApiTags('permits')
@Controller('permits/:id')
export class NominateEngineerHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly users: UsersReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  /** The applicant chooses who designs the building (مهندس طراح); only the nominee submits the design. */
  @Post('engineer')
  @Roles(['citizen', 'counter_office'])
  @ApiOperation({
    summary: 'Nominate the engineer, or the engineering office, who alone may submit the design',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @PermitCommandResponses('PERMIT.NOMINATION_CLOSED, ORGANISATION.DEACTIVATED')
  @ApiBadRequestResponse({
    description: 'PERMIT.INVALID_NOMINEE, USER.ORGANISATION_KIND_MISMATCH, REQUEST.INVALID',
  })
  nominate(
    @Param('id') id: string,
    @Body() body: NominateEngineerRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    this.commands.fileFor(caller, id, 'applicant');
    const nominee = nomineeOf(
      body,
      body.engineerId === undefined ? undefined : this.users.get(body.engineerId),
    );
    // An office that exists, is active and is an engineering organisation.
    this.directory.checkGrant({ role: 'engineer', organisation: nominee.organisation });
    return this.commands.run(caller, id, 'applicant', (p) => nominateEngineer(p.permitId, nominee), options);
  }
}
