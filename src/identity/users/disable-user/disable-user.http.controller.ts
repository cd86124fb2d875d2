import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { UserResponseDto } from '../user.response.dto.js';
import { DisableUserCommand } from './disable-user.command.js';

@ApiTags('users')
@Controller('users')
export class DisableUserHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/disable')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Disable an account: its tokens stop working at once' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'USER.NOT_FOUND' })
  disableUser(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<UserResponseDto> {
    return this.commands.execute(new DisableUserCommand(id, body, caller, options));
  }
}
