import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../shared/domain-error.js';
import { Public } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { normalizeDigits, normalizeNationalId } from '../../national-id.js';
import { UserAccounts } from '../user-accounts.service.js';
import { RegisterCitizenRequestDto, RegisterCitizenResponseDto } from './register-citizen.request.dto.js';

const MOBILE = /^09\d{9}$/;

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
    const nationalId = normalizeNationalId(body.nationalId);
    if (!nationalId) {
      throw new DomainError(
        'IDENTITY.INVALID_NATIONAL_ID',
        'The national id must be 10 digits with a valid check digit',
        'invalid',
      );
    }
    const mobile = normalizeDigits(body.mobile.trim()).replace(/^(\+98|0098)/, '0');
    if (!MOBILE.test(mobile))
      throw new DomainError(
        'IDENTITY.INVALID_MOBILE',
        'The mobile number must look like 09121234567',
        'invalid',
      );
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
