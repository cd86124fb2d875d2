import { Query } from '@nestjs/cqrs';
import type { CheckpointPage } from './checkpoint-page.response.dto.js';

/** Signed checkpoints of tree sizes above `after`, oldest first. */
export class ListCheckpointsQuery extends Query<CheckpointPage> {
  constructor(
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}
