import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The body of commands that end something (disable, deactivate, revoke): why, for the record. */
export class ReasonRequestDto {
  @ApiProperty({ example: 'left the office', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
