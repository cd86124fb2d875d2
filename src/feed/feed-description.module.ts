import { Module } from '@nestjs/common';
import { GetAsyncApiDocumentHandler } from './get-asyncapi-document/get-asyncapi-document.handler.js';
import { GetAsyncApiDocumentHttpController } from './get-asyncapi-document/get-asyncapi-document.http.controller.js';
import { GetEventSchemaHandler } from './get-event-schema/get-event-schema.handler.js';
import { GetEventSchemaHttpController } from './get-event-schema/get-event-schema.http.controller.js';

/** The feed described for machines: the JSON Schema of each public event type, and the AsyncAPI document. */
@Module({
  controllers: [GetEventSchemaHttpController, GetAsyncApiDocumentHttpController],
  providers: [GetEventSchemaHandler, GetAsyncApiDocumentHandler],
})
export class FeedDescriptionModule {}
