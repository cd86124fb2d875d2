import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';

export class OverrideFeeRequestDto extends ReasonRequestDto {
  @ApiProperty({ example: 90_000_000, description: 'the line’s new amount, integer rials' })
  @IsInt()
  @Min(0)
  to!: number;
}
