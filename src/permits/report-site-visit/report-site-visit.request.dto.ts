import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ExistingStructureDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(0)
  @Max(200)
  floors!: number;

  @ApiProperty({ example: 80 })
  @IsNumber()
  @Min(0)
  areaM2!: number;

  @ApiProperty({ example: 'old single-storey house' })
  @IsString()
  @MaxLength(500)
  description!: string;
}

export class ReportSiteVisitRequestDto {
  @ApiProperty({ example: 248.5, description: 'm², at most 2 decimals' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  measuredAreaM2!: number;

  @ApiProperty({ example: 12 })
  @IsNumber()
  @Min(0)
  @Max(500)
  streetWidthM!: number;

  @ApiProperty({ type: [ExistingStructureDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExistingStructureDto)
  existingStructures!: ExistingStructureDto[];

  @ApiProperty({
    type: [String],
    description: 'SHA-256 of photos uploaded with POST /permits/:id/site-photos',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  photos!: string[];
}
