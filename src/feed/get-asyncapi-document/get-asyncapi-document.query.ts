import { Query } from '@nestjs/cqrs';
import type { JsonSchema } from '../schemas/event-schemas.js';

/** The AsyncAPI 3 document of the integrator feed, its live stream and its webhooks. */
export class GetAsyncApiDocumentQuery extends Query<JsonSchema> {}
