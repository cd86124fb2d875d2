import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { GENERATED_FILE, generateEventSchemas } from '../feed/schemas/generate-event-schemas.js';

/**
 * `npm run schemas`: writes the JSON Schemas of the events' data, generated from their TypeScript types,
 * to the checked-in file the feed serves (a spec fails while that file is stale).
 */
const root = process.cwd();
const file = join(root, GENERATED_FILE);
const text = JSON.stringify(generateEventSchemas(root));
writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
process.stdout.write(`${GENERATED_FILE}: the data schemas of every event type\n`);
