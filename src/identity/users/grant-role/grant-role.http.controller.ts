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
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { GrantDto } from '../grant.dto.js';
import { UserResponseDto } from '../user.response.dto.js';
import { GrantRoleCommand } from './grant-role.command.js';

@ApiTags('users')
@Controller('users')
export class GrantRoleHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Granting a role the user already holds in that scope changes nothing; with another feed scope, 409. */
  @Post(':id/roles')
  @Roles(['admin'])
  @ApiOperation({ summary: 'Grant a role in a scope' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiBadRequestResponse({ description: 'USER.INVALID_GRANT, USER.ORGANISATION_KIND_MISMATCH' })
  @ApiConflictResponse({ description: 'USER.GRANT_SCOPE_DIFFERS: revoke the grant first' })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND, MUNICIPALITY.NOT_FOUND, ORGANISATION.NOT_FOUND, …' })
  grantRole(
    @Param('id') id: string,
    @Body() body: GrantDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<UserResponseDto> {
    return this.commands.execute(new GrantRoleCommand(id, body, caller, options));
  }
}
