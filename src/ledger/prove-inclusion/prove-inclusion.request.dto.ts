import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

export class ProveInclusionRequestDto {
  @ApiPropertyOptional({ minimum: 0, description: 'the leaf index (or give `eventId`)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  index?: number;

  @ApiPropertyOptional({ description: 'the event whose leaf to prove (or give `index`)' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,64}$/)
  eventId?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'the tree size; default: the latest checkpoint’s' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  size?: number;
}
