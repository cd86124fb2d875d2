import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WebhookView } from '../../projections/webhooks/webhooks.projection.js';
import type { EndpointProgress } from './delivery/delivery-store.js';

export class WebhookDeliveryStateDto {
  @ApiPropertyOptional({ description: 'the feed cursor after the last event delivered' }) position?: string;
  @ApiProperty({ description: 'failed attempts since the last success' }) attempts!: number;
  @ApiPropertyOptional({ format: 'date-time' }) failingSince?: string;
  @ApiPropertyOptional({ format: 'date-time' }) nextAttemptAt?: string;
}

/** A webhook as its owner sees it; its secrets never leave but in the answers that make them. */
export class WebhookResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'https://bank.example.ir/daftar/webhook' }) url!: string;
  @ApiPropertyOptional({ type: [String] }) types?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) categories?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) municipalities?: readonly string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiPropertyOptional({ description: 'why deliveries stopped' }) disabledReason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) disabledAt?: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) secretRotatedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'the previous secret signs too until then' })
  previousSecretValidUntil?: string;
  @ApiProperty({ type: WebhookDeliveryStateDto }) delivery!: WebhookDeliveryStateDto;
}

export class WebhookWithSecretResponseDto extends WebhookResponseDto {
  @ApiProperty({
    description: 'the signing secret, shown this once (Standard Webhooks: `whsec_` and base64)',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret!: string;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function toWebhookResponse(
  view: WebhookView,
  progress: EndpointProgress | undefined,
): WebhookResponseDto {
  const { types, categories, municipalities } = view.filters;
  const previous = view.secrets[1]?.validUntil;
  const failingSince = iso(progress?.failingSince);
  const nextAttemptAt = iso(progress?.nextAttemptAt);
  return {
    id: view.webhookId,
    url: view.url,
    ...(types ? { types } : {}),
    ...(categories ? { categories } : {}),
    ...(municipalities ? { municipalities } : {}),
    status: view.status,
    ...(view.disabledReason ? { disabledReason: view.disabledReason } : {}),
    ...(view.disabledAt ? { disabledAt: view.disabledAt } : {}),
    registeredAt: view.registeredAt,
    ...(view.secretRotatedAt ? { secretRotatedAt: view.secretRotatedAt } : {}),
    ...(previous ? { previousSecretValidUntil: previous } : {}),
    delivery: {
      position: progress?.position ?? view.startAfter,
      attempts: progress?.attempts ?? 0,
      ...(failingSince ? { failingSince } : {}),
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
    },
  };
}
