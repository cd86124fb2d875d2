import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class StartRegistrationRequestDto {
  @ApiProperty({
    description: 'Iranian national id (کد ملی), 10 digits with a valid check digit',
    example: '0499370899',
  })
  @IsString()
  @MaxLength(20)
  nationalId!: string;

  @ApiProperty({
    description: 'The mobile number registered to that national id; the code is sent to it',
    example: '09121234567',
  })
  @IsString()
  @MaxLength(20)
  mobile!: string;

  @ApiProperty({ example: 'زهرا احمدی' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  fullName!: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class StartRegistrationResponseDto {
  @ApiProperty({ description: 'Confirm with POST /auth/register/confirm' }) registrationId!: string;
  @ApiProperty({ description: 'When the code sent by SMS stops being accepted (UTC)' }) expiresAt!: string;
}
