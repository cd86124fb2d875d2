import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class TrackRequestQueryDto {
  @ApiPropertyOptional({
    example: '09121234567',
    description:
      'for anyone but the signed-in owner: the mobile registered to the owner’s account; answers the status only',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  mobile?: string;
}
