import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class IssueTokenRequestDto {
  @ApiProperty({ example: 'clerk' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  username!: string;

  @ApiProperty({ example: 'daftar-demo', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class IssueTokenResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn!: number;
}
