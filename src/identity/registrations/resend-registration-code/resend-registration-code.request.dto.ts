import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ResendRegistrationCodeRequestDto {
  @ApiProperty({ description: 'From POST /auth/register' })
  @IsString()
  @MaxLength(64)
  registrationId!: string;
}
