import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { GrantDto } from '../grant.dto.js';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'r.karimi', description: '3 to 64 of a-z, 0-9, _ . -' })
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'Reza Karimi (رضا کریمی)' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ type: [GrantDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GrantDto)
  grants!: GrantDto[];

  @ApiPropertyOptional({ example: '0499370899' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  nationalId?: string;

  @ApiPropertyOptional({ example: '09121234567' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  mobile?: string;
}
