import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** An engineer, an engineering office, or both; at least one. */
export class NominateEngineerRequestDto {
  @ApiPropertyOptional({ description: 'the engineer’s user id; only they then submit the design' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  engineerId?: string;

  @ApiPropertyOptional({
    example: 'engineering-org-hamedan',
    description: 'the engineering office; without an engineer, any of its engineers submits the design',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  organisation?: string;
}
