import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ConfirmRegistrationRequestDto {
  @ApiProperty({ description: 'From POST /auth/register' })
  @IsString()
  @MaxLength(64)
  registrationId!: string;

  @ApiProperty({ description: 'The six digits sent by SMS (Persian digits accepted)', example: '123456' })
  @IsString()
  @MaxLength(12)
  code!: string;
}

export class ConfirmRegistrationResponseDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'the national id: citizens sign in with it' }) username!: string;
}
