import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { TrackResponseDto } from './track.response.dto.js';

/** A file by its tracking number: for its owner, or for whoever gives the owner's mobile. */
export class TrackRequestQuery extends Query<TrackResponseDto> {
  constructor(
    readonly caller: Caller,
    readonly trackingNumber: string,
    readonly mobile: string | undefined,
  ) {
    super();
  }
}
