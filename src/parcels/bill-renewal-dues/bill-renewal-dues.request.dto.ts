import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { ParcelCommandRequestDto } from '../parcel-command.request.dto.js';

export class BillRenewalDuesRequestDto extends ParcelCommandRequestDto {
  @ApiProperty({ description: 'Solar Hijri year', example: 1405 })
  @IsInt()
  year!: number;

  @ApiProperty({ description: 'rials, a positive whole number', example: 600_000 })
  @IsInt()
  amount!: number;
}
