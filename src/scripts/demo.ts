import { join, resolve } from 'node:path';
import { runDemo } from '../demo/walkthrough/demo-walkthrough.js';

/**
 * `npm run demo`: with the server running (`npm start`), walks one application to its permit and
 * completion certificate as the demo users; the last line is one JSON object with the documents.
 */
async function main(): Promise<void> {
  const baseUrl = process.env['DAFTAR_URL'] ?? `http://localhost:${process.env['PORT'] ?? '3000'}`;
  const outbox = join(resolve(process.env['DAFTAR_DATA_DIR'] ?? './data'), 'outbox', 'sms.jsonl');
  const result = await runDemo(baseUrl, (line) => process.stdout.write(`${line}\n`), outbox);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`npm run demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
