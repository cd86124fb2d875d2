import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../shared/domain-error.js';
import { Public } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { canonicalMobile, canonicalNationalId } from '../../personal-details.js';
import { UserAccounts } from '../user-accounts.service.js';
import { RegisterCitizenRequestDto, RegisterCitizenResponseDto } from './register-citizen.request.dto.js';

@ApiTags('identity')
@Controller('auth')
export class RegisterCitizenHttpController {
  constructor(private readonly accounts: UserAccounts) {}

  /** A citizen (شهروند) opens an account; the national id is the username. */
  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register as a citizen; sign in afterwards with the national id as username' })
  @ApiCreatedResponse({ type: RegisterCitizenResponseDto })
  @ApiConflictResponse({ description: 'IDENTITY.NATIONAL_ID_TAKEN' })
  async register(
    @Body() body: RegisterCitizenRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RegisterCitizenResponseDto> {
    const nationalId = canonicalNationalId(body.nationalId);
    const mobile = canonicalMobile(body.mobile);
    try {
      const { userId } = await this.accounts.create(
        {
          username: nationalId,
          displayName: body.fullName.trim(),
          password: body.password,
          grants: [{ role: 'citizen' }],
          nationalId,
          mobile,
          origin: 'registration',
        },
        caller.commandContext(),
      );
      return { userId, username: nationalId };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'USER.USERNAME_TAKEN') {
        throw new DomainError(
          'IDENTITY.NATIONAL_ID_TAKEN',
          'An account with this national id already exists',
          'conflict',
        );
      }
      throw error;
    }
  }
}
