import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { APPLICATION_TYPES, type ApplicationType } from '../../rule-sets/rule-set.js';

export class OpenPermitRequestDto {
  @ApiProperty({ example: '1-1-1-1-0-0-0', description: 'the parcel’s renewal code (کد نوسازی)' })
  @IsString()
  renewalCode!: string;

  @ApiPropertyOptional({
    example: 'hamedan',
    description: 'needed when the code exists in several municipalities',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,40}$/)
  municipality?: string;

  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsIn(APPLICATION_TYPES)
  applicationType!: ApplicationType;

  @ApiPropertyOptional({ description: 'Renewal only: the permit file it renews' })
  @IsOptional()
  @IsUUID()
  renewsPermitId?: string;
}
