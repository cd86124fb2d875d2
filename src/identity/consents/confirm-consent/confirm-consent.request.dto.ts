import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ConfirmConsentRequestDto {
  @ApiProperty({
    description: 'The six digits the citizen read out (Persian digits accepted)',
    example: '123456',
  })
  @IsString()
  @MaxLength(12)
  code!: string;
}
