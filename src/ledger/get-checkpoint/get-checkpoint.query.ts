import { Query } from '@nestjs/cqrs';

/** The latest signed checkpoint, as a signed note. */
export class GetCheckpointQuery extends Query<string> {}
