import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ReplayWebhookRequestDto {
  @ApiProperty({
    description: 'a feed cursor (`daftarposition` of an event, `X-Next-Cursor`): deliveries resume after it',
  })
  @IsString()
  @MaxLength(200)
  from!: string;
}
