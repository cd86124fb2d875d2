import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class AssignSurveyorRequestDto {
  @ApiProperty({ description: 'the user id of a surveyor of the file’s municipality' })
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, { message: 'surveyorId must be a user id' })
  surveyorId!: string;
}
