import { ApiProperty } from '@nestjs/swagger';

export class StartOnlinePaymentResponseDto {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ description: 'rials: everything the file owes for the purpose now' }) amount!: number;
  @ApiProperty({ description: 'send the payer here to pay' }) redirectUrl!: string;
}
