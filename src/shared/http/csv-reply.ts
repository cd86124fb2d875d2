import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { attachmentDisposition } from '../../attachments/file-name.js';
import { preferred } from './content-negotiation.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** One column of a CSV answer: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Rows as a CSV download, streamed as they come (an export may be long), in UTF-8 with a byte-order
 * mark: without it spreadsheets read the file as a legacy code page and show Persian as mojibake.
 */
export function csvReply<Row>(
  reply: FastifyReply,
  fileName: string,
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Readable {
  void reply.type(CSV_TYPE).header('content-disposition', attachmentDisposition(fileName));
  const csv = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => c.header),
    // A cell a person typed (a name, a reason) must not run as a spreadsheet formula: =, +, -, @ get a '.
    escape_formulas: true,
  });
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => c.cell(row) ?? '');
    })(),
  );
  // A failure mid-stream ends the download early; the status is already sent, so it can only be cut.
  pipeline(records, csv).catch((error: unknown) => csv.destroy(error as Error));
  return csv;
}

/** Whether the client asked for CSV over JSON (`Accept: text/csv`), by the q-values it gave. */
export function wantsCsv(accept: string | undefined): boolean {
  return preferred(accept, ['application/json', 'text/csv']) === 'text/csv';
}
