import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class ProveConsistencyRequestDto {
  @ApiProperty({ minimum: 1, description: 'the older tree size' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ minimum: 1, description: 'the newer tree size, at most the latest checkpoint’s' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}
