import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MUNICIPALITY_CODE } from '../identity/municipalities/municipality.events.js';

/**
 * Commands on an existing parcel name it by renewal code in the path; the municipality is needed only
 * when the code is not unique among those the caller may act in (admins: among all).
 */
export class ParcelCommandRequestDto {
  @ApiPropertyOptional({ example: 'hamedan', description: 'by default the caller’s municipality' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;
}
