import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import type { Principal } from '../../principal.js';
import { ChangePasswordCommand } from '../change-password/change-password.command.js';
import { ChangePasswordRequestDto } from '../change-password/change-password.request.dto.js';
import { GetMeQuery } from '../get-me/get-me.query.js';
import { MeResponseDto } from './me.response.dto.js';

@ApiTags('identity')
@Controller('me')
export class MeHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in principal: who, how signed in, roles and their scopes' })
  @ApiOkResponse({ type: MeResponseDto })
  getMe(@CurrentCaller() caller: Caller): Promise<Principal> {
    return this.queries.execute(new GetMeQuery(caller));
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Change the own password (password accounts only)' })
  @ApiNoContentResponse()
  changePassword(
    @Body() body: ChangePasswordRequestDto,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.commands.execute(new ChangePasswordCommand(body, caller, request.ip));
  }
}
