import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../access.decorators.js';
import { CurrentCaller, type Caller } from '../caller.decorator.js';
import { IssueTokenCommand } from './issue-token.command.js';
import { IssueTokenRequestDto, IssueTokenResponseDto } from './issue-token.request.dto.js';

@ApiTags('identity')
@Controller('auth')
export class IssueTokenHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('token')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in with username and password; answers a short-lived bearer token' })
  @ApiOkResponse({ type: IssueTokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'AUTH.SLOW_DOWN or AUTH.LOCKED, with Retry-After' })
  issueToken(
    @Body() body: IssueTokenRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ) {
    return this.commands.execute(
      new IssueTokenCommand(
        { username: body.username, password: body.password, address: request.ip },
        caller.commandContext(),
      ),
    );
  }
}
