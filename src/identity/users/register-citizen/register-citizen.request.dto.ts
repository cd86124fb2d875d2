import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterCitizenRequestDto {
  @ApiProperty({
    description: 'Iranian national id (کد ملی), 10 digits with a valid check digit',
    example: '0499370899',
  })
  @IsString()
  @MaxLength(20)
  nationalId!: string;

  @ApiProperty({ description: 'Iranian mobile number', example: '09121234567' })
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

export class RegisterCitizenResponseDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'the national id: citizens sign in with it' }) username!: string;
}
