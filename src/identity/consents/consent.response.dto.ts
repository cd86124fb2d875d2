import { ApiProperty } from '@nestjs/swagger';

export class ConsentResponseDto {
  @ApiProperty() consentId!: string;
  @ApiProperty({ description: 'The counter office (organisation id)' }) office!: string;
  @ApiProperty({ description: "The citizen's national id" }) citizenNationalId!: string;
  @ApiProperty({ enum: ['requested', 'granted', 'ended', 'withdrawn'] }) status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) grantedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'After this the office may no longer act' })
  validUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ description: 'Granted, not withdrawn and not lapsed now' }) live!: boolean;
}

export class ConsentListResponseDto {
  @ApiProperty({ type: [ConsentResponseDto] }) items!: ConsentResponseDto[];
}

export class ConsentRequestedResponseDto {
  @ApiProperty() consentId!: string;
  @ApiProperty({ description: 'When the code sent to the citizen stops being accepted' }) expiresAt!: string;
  @ApiProperty({ description: 'The mobile the code went to, masked', example: '0912***4567' })
  sentTo!: string;
}

export class ConsentGrantedResponseDto {
  @ApiProperty() consentId!: string;
  @ApiProperty() validUntil!: string;
}
