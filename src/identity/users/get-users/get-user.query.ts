import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { UserResponseDto } from '../user.response.dto.js';

export class GetUserQuery extends Query<UserResponseDto> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
