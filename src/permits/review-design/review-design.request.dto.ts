import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

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

export class ReturnDesignRequestDto {
  @ApiProperty({ type: [String], example: ['Parking ramp too steep'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(500, { each: true })
  reasons!: string[];
}
