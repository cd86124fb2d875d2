import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';

@ApiTags('users')
@Controller('users')
export class DisableUserHttpController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  @Post(':id/disable')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Disable an account: its tokens stop working at once' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND' })
  async disable(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<UserResponseDto> {
    await this.accounts.change(
      id,
      { type: 'DisableUser', data: { reason: body.reason } },
      caller.commandContext(),
      options,
    );
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
