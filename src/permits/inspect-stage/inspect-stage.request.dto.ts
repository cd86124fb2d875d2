import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { INSPECTION_STAGES, type InspectionStage } from '../../rule-sets/rule-set.js';
import { InspectionViolationDto } from '../report-inspection/report-inspection.request.dto.js';

export class InspectStageRequestDto {
  @ApiProperty({ enum: INSPECTION_STAGES, description: 'the stage under way, not completion' })
  @IsIn(INSPECTION_STAGES)
  stage!: InspectionStage;

  @ApiProperty({ example: 'Reinforcement and concrete cover as designed' })
  @IsString()
  @MaxLength(2000)
  findings!: string;

  @ApiProperty({ type: [String], description: 'SHA-256 of photos uploaded to /permits/{id}/site-photos' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  photos!: string[];

  @ApiProperty({ enum: ['compliant', 'violations'] })
  @IsIn(['compliant', 'violations'])
  result!: 'compliant' | 'violations';

  @ApiProperty({
    type: [InspectionViolationDto],
    description: 'at least one for violations, none when compliant',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InspectionViolationDto)
  violations!: InspectionViolationDto[];
}
