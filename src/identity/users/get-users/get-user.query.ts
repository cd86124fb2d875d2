import { Query } from '@nestjs/cqrs';
import type { UserResponseDto } from '../user.response.dto.js';

export class GetUserQuery extends Query<UserResponseDto> {
  constructor(readonly id: string) {
    super();
  }
}
