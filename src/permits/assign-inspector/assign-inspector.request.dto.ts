import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class AssignInspectorRequestDto {
  @ApiProperty({ description: 'the user id of an inspector of the file’s municipality and region' })
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, { message: 'inspectorId must be a user id' })
  inspectorId!: string;
}
