import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { UserResponseDto } from '../user.response.dto.js';
import { RevokeRoleRequestDto } from './revoke-role.request.dto.js';
import { RevokeRoleCommand } from './revoke-role.command.js';

@ApiTags('users')
@Controller('users')
export class RevokeRoleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/roles/revoke')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Revoke a role held in a scope; takes effect on the next request' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND' })
  @ApiConflictResponse({ description: 'USER.ROLE_NOT_HELD' })
  revokeRole(
    @Param('id') id: string,
    @Body() body: RevokeRoleRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<UserResponseDto> {
    return this.commands.execute(new RevokeRoleCommand(id, body, caller, options));
  }
}
