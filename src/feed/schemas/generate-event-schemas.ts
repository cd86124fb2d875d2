import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import type { EventSchemas } from './event-schemas.js';

export const GENERATED_FILE = 'src/feed/schemas/event-schemas.generated.json';

/**
 * The JSON Schema of every event type's `data`, made from the TypeScript types themselves by one
 * generator run over `EventDataByType` (one program for all types: a run per type would cost seconds
 * each). Self-contained schemas (nothing shared by `$ref`), JSDoc comments as descriptions.
 */
export function generateEventSchemas(root: string): EventSchemas {
  const generator = createGenerator({
    path: join(root, 'src/feed/schemas/event-data.ts'),
    tsconfig: join(root, 'src/feed/schemas/tsconfig.event-data.json'),
    type: 'EventDataByType',
    expose: 'none',
    topRef: false,
    jsDoc: 'extended',
    // tsc checks the types in `npm test`; checking them again here would double the cost.
    skipTypeCheck: true,
  });
  const byType = generator.createSchema('EventDataByType').properties as EventSchemas;
  return Object.fromEntries(
    Object.keys(byType)
      .sort()
      .map((type) => [type, byType[type]!]),
  );
}
