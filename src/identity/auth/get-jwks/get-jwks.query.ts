import { Query } from '@nestjs/cqrs';
import type { JwksResponseDto } from '../jwks.response.dto.js';

export class GetJwksQuery extends Query<JwksResponseDto> {}
