import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ApproveDesignRequestDto {
  @ApiPropertyOptional({
    description:
      'required when the design breaks a limit of the map order; recorded as an override for oversight',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  overrideReason?: string;
}
