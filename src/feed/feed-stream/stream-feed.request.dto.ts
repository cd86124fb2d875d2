import { OmitType } from '@nestjs/swagger';
import { GetFeedRequestDto } from '../get-feed/get-feed.request.dto.js';

/** `GET /feed/stream`'s query: GET /feed's filters and cursor; the stream pages by itself. */
export class StreamFeedRequestDto extends OmitType(GetFeedRequestDto, ['limit'] as const) {}
