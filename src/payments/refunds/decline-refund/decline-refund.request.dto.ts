import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class DeclineRefundRequestDto {
  @ApiProperty({ description: 'why no money goes back; the payer reads it' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
