import { Query } from '@nestjs/cqrs';
import type { JsonSchema } from '../schemas/event-schemas.js';

/** The JSON Schema of a public event type's data, by its CloudEvents type or event type name. */
export class GetEventSchemaQuery extends Query<JsonSchema> {
  constructor(readonly name: string) {
    super();
  }
}
