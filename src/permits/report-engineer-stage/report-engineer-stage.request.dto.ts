import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INSPECTION_STAGES, type InspectionStage } from '../../rule-sets/rule-set.js';

export class ReportEngineerStageRequestDto {
  @ApiProperty({ enum: INSPECTION_STAGES, description: 'the stage under way' })
  @IsIn(INSPECTION_STAGES)
  stage!: InspectionStage;

  @ApiProperty({ example: 'The foundation is poured and cured as designed' })
  @IsString()
  @MaxLength(2000)
  summary!: string;

  @ApiPropertyOptional({ type: [String], description: 'SHA-256 of files stored for the file' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  attachments?: string[];
}
