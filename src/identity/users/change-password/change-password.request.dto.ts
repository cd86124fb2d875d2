import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ChangePasswordRequestDto {
  @ApiProperty({ format: 'password' }) @IsString() @MaxLength(256) currentPassword!: string;
  @ApiProperty({ format: 'password', minLength: 10 }) @IsString() @MaxLength(256) newPassword!: string;
}
