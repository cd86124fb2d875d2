import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { deepFreeze } from '../../shared/deep-freeze.js';
import { PUBLISHED_SCHEMAS, type JsonSchema } from '../schemas/event-schemas.js';
import { asyncApiDocument } from './asyncapi-document.js';
import { GetAsyncApiDocumentQuery } from './get-asyncapi-document.query.js';

@QueryHandler(GetAsyncApiDocumentQuery)
export class GetAsyncApiDocumentHandler implements IQueryHandler<GetAsyncApiDocumentQuery> {
  private readonly document: JsonSchema;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.document = deepFreeze(asyncApiDocument([...PUBLISHED_SCHEMAS.values()], config.publicUrl));
  }

  execute(): Promise<JsonSchema> {
    return Promise.resolve(this.document);
  }
}
