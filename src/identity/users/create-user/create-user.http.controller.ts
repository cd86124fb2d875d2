import { Body, Controller, Post } from '@nestjs/common';
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
import { canonicalMobile, canonicalNationalId } from '../../personal-details.js';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { toGrant } from '../grant.dto.js';
import { CreateUserRequestDto } from './create-user.request.dto.js';

@ApiTags('users')
@Controller('users')
export class CreateUserHttpController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  @Post()
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
  async create(
    @Body() body: CreateUserRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<UserResponseDto> {
    const { userId } = await this.accounts.create(
      {
        username: body.username,
        displayName: body.displayName.trim(),
        password: body.password,
        grants: body.grants.map(toGrant),
        ...(body.nationalId !== undefined ? { nationalId: canonicalNationalId(body.nationalId) } : {}),
        ...(body.mobile !== undefined ? { mobile: canonicalMobile(body.mobile) } : {}),
        origin: 'admin',
      },
      caller.commandContext(),
    );
    return toUserResponse(this.users.getOr(userId, userNotFound));
  }
}
