import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_OVERLAP_HOURS = 24 * 7;

export class RotateWebhookSecretRequestDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_OVERLAP_HOURS,
    default: 24,
    description: 'how long deliveries are signed with the previous secret as well',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_OVERLAP_HOURS)
  keepPreviousForHours: number = 24;
}
