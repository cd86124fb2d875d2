import type { CsvColumn } from '../../../shared/http/csv-reply.js';

/** A report's rows flattened to CSV: one column per field any row has, lists joined with `; `. */
export function csvColumnsOf(rows: readonly object[]): CsvColumn<object>[] {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return fields.map((field) => ({
    header: field,
    cell: (row) => {
      const value = (row as Record<string, unknown>)[field];
      if (Array.isArray(value)) return value.join('; ');
      return value as string | number | boolean | undefined;
    },
  }));
}
