import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { DomainError } from '../../../shared/domain-error.js';
import { Authenticated } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { throttled } from '../../auth/issue-token/issue-token.handler.js';
import { LoginThrottle } from '../../login-throttle.store.js';
import { PasswordVault } from '../../password-vault.js';
import type { Principal } from '../../principal.js';
import { UserAccounts } from '../user-accounts.service.js';
import { UsersReadModel } from '../users.read-model.js';

class ChangePasswordRequestDto {
  @ApiProperty({ format: 'password' }) @IsString() @MaxLength(256) currentPassword!: string;
  @ApiProperty({ format: 'password', minLength: 10 }) @IsString() @MaxLength(256) newPassword!: string;
}

@ApiTags('identity')
@Controller('me')
export class MeHttpController {
  constructor(
    private readonly users: UsersReadModel,
    private readonly accounts: UserAccounts,
    private readonly throttle: LoginThrottle,
    private readonly vault: PasswordVault,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in principal: who, how signed in, roles and their scopes' })
  @ApiOkResponse({
    description: '{ kind, id, displayName, username?, authenticatedBy, grants, permissions? }',
  })
  me(@CurrentCaller() caller: Caller): Principal {
    return caller.signedIn;
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Change the own password (password accounts only)' })
  @ApiNoContentResponse()
  async changePassword(
    @Body() body: ChangePasswordRequestDto,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const principal = caller.signedIn;
    const user = principal.authenticatedBy === 'password_token' ? this.users.get(principal.id) : undefined;
    if (!user) throw new DomainError('USER.NO_PASSWORD', 'This principal has no Daftar password', 'conflict');
    // A stolen token must not become a free password-guessing oracle: the sign-in throttle applies.
    const begun = this.throttle.begin(user.username, request.ip);
    if (!begun.allowed) throw throttled(begun);
    let valid = false;
    try {
      valid = await this.vault.checkPassword(body.currentPassword, user.passwordHash);
    } finally {
      begun.attempt.settle(valid ? 'abandoned' : 'failed');
    }
    if (!valid) throw new DomainError('USER.WRONG_PASSWORD', 'The current password is wrong', 'invalid');
    await this.accounts.changePassword(user.userId, body.newPassword, caller.commandContext());
  }
}
