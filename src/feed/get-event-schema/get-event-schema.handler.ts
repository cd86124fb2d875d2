import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../shared/domain-error.js';
import { publishedSchemaNamed, type JsonSchema } from '../schemas/event-schemas.js';
import { GetEventSchemaQuery } from './get-event-schema.query.js';

@QueryHandler(GetEventSchemaQuery)
export class GetEventSchemaHandler implements IQueryHandler<GetEventSchemaQuery> {
  execute({ name }: GetEventSchemaQuery): Promise<JsonSchema> {
    const published = publishedSchemaNamed(name);
    if (!published)
      throw new DomainError(
        'FEED.UNKNOWN_SCHEMA',
        'No published event type (in its current version) has that name',
        'not_found',
      );
    return Promise.resolve(published.schema);
  }
}
