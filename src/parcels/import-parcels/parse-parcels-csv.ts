/** One record of a CSV file, with the (1-based) line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted too); a field in
 * double quotes may hold commas, quotes (doubled: `""`) and line breaks. A UTF-8 byte-order mark is
 * dropped, blank lines are skipped, and the last line may or may not end with a line break. A quote
 * inside an unquoted field, text after a closing quote, or a quote never closed is a syntax error.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (input[i] === '"') {
        const opened = line;
        i += 1;
        for (;;) {
          if (i >= input.length) throw new CsvSyntaxError(opened, 'a quoted field is never closed');
          const c = input[i]!;
          if (c === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line += 1;
          field += c;
          i += 1;
        }
        if (i < input.length && !isEnd(input, i) && input[i] !== ',') {
          throw new CsvSyntaxError(line, 'a closing quote must end its field');
        }
      } else {
        while (i < input.length && input[i] !== ',' && !isEnd(input, i)) {
          if (input[i] === '"') {
            throw new CsvSyntaxError(line, 'a field holding a quote must be quoted, with the quote doubled');
          }
          field += input[i];
          i += 1;
        }
      }
      fields.push(field);
      if (input[i] === ',') {
        i += 1;
        continue;
      }
      break;
    }
    // i is at a line break or the end.
    if (input[i] === '\r' && input[i + 1] === '\n') i += 2;
    else if (i < input.length) i += 1;
    line += 1;
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}

function isEnd(input: string, i: number): boolean {
  return input[i] === '\n' || input[i] === '\r';
}

/** The columns of a parcels file, in the order the header usually names them. */
export const PARCEL_CSV_COLUMNS = [
  'municipality',
  'renewalCode',
  'areaM2',
  'streetWidthM',
  'zone',
  'landUse',
  'owners',
  'existingFloors',
  'existingAreaM2',
] as const;
export type ParcelCsvColumn = (typeof PARCEL_CSV_COLUMNS)[number];

/** A data row of a parcels file, by column name, with its line number. */
export interface ParcelCsvRow {
  readonly line: number;
  readonly values: Readonly<Record<ParcelCsvColumn, string>>;
}

export interface Problem {
  readonly line: number;
  readonly message: string;
}

/**
 * The rows of a parcels file. The header (first record) must name every column once, in any order,
 * and nothing else; each row must have as many fields as the header.
 */
export function readParcelsCsv(text: string): { rows: ParcelCsvRow[]; problems: Problem[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return {
        rows: [],
        problems: [{ line: error.line, message: error.message.replace(/^line \d+: /, '') }],
      };
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    return {
      rows: [],
      problems: [
        { line: 1, message: `the file is empty; it needs a header: ${PARCEL_CSV_COLUMNS.join(',')}` },
      ],
    };
  const names = header.fields.map((f) => f.trim());
  const missing = PARCEL_CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(PARCEL_CSV_COLUMNS as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const headerProblems = [
    ...(missing.length ? [`the header lacks the column(s) ${missing.join(', ')}`] : []),
    ...(unknown.length ? [`the header names unknown column(s) ${unknown.join(', ')}`] : []),
    ...(repeated.length ? [`the header names ${[...new Set(repeated)].join(', ')} twice`] : []),
  ];
  if (headerProblems.length) {
    return { rows: [], problems: headerProblems.map((message) => ({ line: header.line, message })) };
  }
  const rows: ParcelCsvRow[] = [];
  const problems: Problem[] = [];
  for (const record of data) {
    if (record.fields.length !== names.length) {
      problems.push({
        line: record.line,
        message: `${record.fields.length} field(s), but the header has ${names.length} columns`,
      });
      continue;
    }
    const values = Object.fromEntries(names.map((name, i) => [name, record.fields[i]!])) as Record<
      ParcelCsvColumn,
      string
    >;
    rows.push({ line: record.line, values });
  }
  if (data.length === 0) problems.push({ line: header.line, message: 'the file has a header but no rows' });
  return { rows, problems };
}
