import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import { toGrant } from '../grant.dto.js';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { RevokeRoleRequestDto } from './revoke-role.request.dto.js';

@ApiTags('users')
@Controller('users')
export class RevokeRoleHttpController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  @Post(':id/roles/revoke')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Revoke a role held in a scope; takes effect on the next request' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND' })
  @ApiConflictResponse({ description: 'USER.ROLE_NOT_HELD' })
  async revoke(
    @Param('id') id: string,
    @Body() body: RevokeRoleRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<UserResponseDto> {
    const { reason, ...grant } = body;
    await this.accounts.change(
      id,
      { type: 'RevokeRole', data: { grant: toGrant(grant), reason } },
      caller.commandContext(),
      options,
    );
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
