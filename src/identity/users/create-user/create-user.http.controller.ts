import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { UserResponseDto } from '../user.response.dto.js';
import { CreateUserRequestDto } from './create-user.request.dto.js';
import { Location } from '../../../shared/http/command-response.interceptor.js';
import { CreateUserCommand } from './create-user.command.js';

@ApiTags('users')
@Controller('users')
export class CreateUserHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Location('/users/{userId}')
  @Roles(['admin'])
  @ApiOperation({ summary: 'Create a user with roles in their scopes (staff, organisation members, admins)' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiBadRequestResponse({
    description: 'USER.INVALID_GRANT, USER.ORGANISATION_KIND_MISMATCH, USER.WEAK_PASSWORD, …',
  })
  @ApiNotFoundResponse({
    description: 'MUNICIPALITY.NOT_FOUND, MUNICIPALITY.REGION_NOT_FOUND, ORGANISATION.NOT_FOUND',
  })
  @ApiConflictResponse({ description: 'USER.USERNAME_TAKEN, ORGANISATION.DEACTIVATED' })
  createUser(@Body() body: CreateUserRequestDto, @CurrentCaller() caller: Caller): Promise<UserResponseDto> {
    return this.commands.execute(new CreateUserCommand(body, caller));
  }
}
