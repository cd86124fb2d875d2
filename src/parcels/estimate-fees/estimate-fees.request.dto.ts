import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { APPLICATION_TYPES, type ApplicationType } from '../../rule-sets/rule-set.js';

export class EstimateFeesRequestDto {
  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsIn(APPLICATION_TYPES)
  type!: ApplicationType;

  @ApiProperty({ minimum: 1, example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  floors!: number;

  @ApiProperty({ description: 'total floor area requested, m²', example: 420 })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000_000)
  area!: number;

  @ApiProperty({ example: 'residential' })
  @IsString()
  @Matches(/^[a-z][a-z_]{1,31}$/)
  use!: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  units?: number;

  @ApiPropertyOptional({ default: 0, description: 'parking spaces the design provides' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  parking?: number;

  @ApiPropertyOptional({ description: 'needed only when the code exists in several municipalities' })
  @IsOptional()
  @IsString()
  municipality?: string;
}
