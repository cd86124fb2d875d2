import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { GetNotificationPreferencesQuery } from '../get-notification-preferences/get-notification-preferences.query.js';
import { NotificationPreferencesResponseDto } from '../notification-preferences.response.dto.js';
import { SetNotificationPreferencesCommand } from './set-notification-preferences.command.js';
import { SetNotificationPreferencesRequestDto } from './set-notification-preferences.request.dto.js';

@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationPreferencesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'How the signed-in person hears of their files: channels, email, language' })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  get(@CurrentCaller() caller: Caller): Promise<NotificationPreferencesResponseDto> {
    return this.queries.execute(new GetNotificationPreferencesQuery(caller));
  }

  @Put()
  @Authenticated()
  @ApiOperation({
    summary: 'Choose the channels (SMS, email), the email address and the language of messages',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponseDto })
  set(
    @Body() body: SetNotificationPreferencesRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<NotificationPreferencesResponseDto> {
    return this.commands.execute(new SetNotificationPreferencesCommand(body, caller));
  }
}
