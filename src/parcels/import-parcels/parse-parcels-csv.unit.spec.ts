import { CsvSyntaxError, parseCsv, PARCEL_CSV_COLUMNS, readParcelsCsv } from './parse-parcels-csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits records on CRLF and fields on commas', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('accepts bare LF, and a last line without a line break', () => {
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields', () => {
    expect(fields(',x,\r\n')).toEqual([['', 'x', '']]);
  });

  it('reads quoted fields with commas, doubled quotes, line breaks, or nothing', () => {
    expect(parseCsv('name,note\r\n"Ahmadi, Zahra","said ""hi""\r\nand left"\r\nnext,""\r\n')).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Ahmadi, Zahra', 'said "hi"\r\nand left'] },
      { line: 4, fields: ['next', ''] },
    ]);
  });

  it('counts lines across quoted line breaks, so later records keep their line numbers', () => {
    const records = parseCsv('h\r\n"a\r\nb\nc"\r\nd\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['a\r\nb\nc'] },
      { line: 5, fields: ['d'] },
    ]);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(fields('\uFEFFmunicipality,zone\r\nhamedan,R2\r\n')).toEqual([
      ['municipality', 'zone'],
      ['hamedan', 'R2'],
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(parseCsv('a\r\n\r\nb\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('keeps Persian text as it is', () => {
    expect(fields('0013542419:زهرا احمدی:100|3860123459:علی رضایی:0')).toEqual([
      ['0013542419:زهرا احمدی:100|3860123459:علی رضایی:0'],
    ]);
  });

  it.each([
    ['a quote never closed', 'a,b\r\n1,"2\r\n3\r\n', 2, /never closed/],
    ['text after a closing quote', 'a\r\n"x"y\r\n', 2, /closing quote/],
    ['a quote inside an unquoted field', 'a\r\nx"y\r\n', 2, /must be quoted/],
  ])('refuses %s, naming the line', (_why, text, line, message) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line });
    expect((error as Error).message).toMatch(message);
  });
});

describe('readParcelsCsv', () => {
  const header = PARCEL_CSV_COLUMNS.join(',');
  const row = 'hamedan,1-1-1-9-0-0-0,250,12,R2,residential,0013542419:زهرا احمدی:100,,';

  it('names each row’s values by the header', () => {
    expect(readParcelsCsv(`${header}\r\n${row}\r\n`)).toEqual({
      rows: [
        {
          line: 2,
          values: {
            municipality: 'hamedan',
            renewalCode: '1-1-1-9-0-0-0',
            areaM2: '250',
            streetWidthM: '12',
            zone: 'R2',
            landUse: 'residential',
            owners: '0013542419:زهرا احمدی:100',
            existingFloors: '',
            existingAreaM2: '',
          },
        },
      ],
      problems: [],
    });
  });

  it('takes the columns in any order', () => {
    const reversed = [...PARCEL_CSV_COLUMNS].reverse().join(',');
    const values = row.split(',').reverse().join(',');
    expect(readParcelsCsv(`${reversed}\n${values}\n`).rows[0]!.values.renewalCode).toBe('1-1-1-9-0-0-0');
  });

  it('refuses a header without every column, or with unknown or repeated ones', () => {
    expect(readParcelsCsv('municipality,renewalCode,colour\r\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('lacks the column(s) areaM2, streetWidthM') },
      { line: 1, message: expect.stringContaining('unknown column(s) colour') },
    ]);
    expect(readParcelsCsv(`${header},zone\r\n`).problems).toEqual([
      { line: 1, message: expect.stringContaining('zone twice') },
    ]);
  });

  it('refuses rows with too few or too many fields, by line', () => {
    const { rows, problems } = readParcelsCsv(`${header}\r\n${row}\r\nhamedan,1\r\n${row},extra\r\n`);
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      { line: 3, message: '2 field(s), but the header has 9 columns' },
      { line: 4, message: '10 field(s), but the header has 9 columns' },
    ]);
  });

  it('refuses an empty file, a file of only a header, and bad CSV', () => {
    expect(readParcelsCsv('').problems).toEqual([{ line: 1, message: expect.stringContaining('empty') }]);
    expect(readParcelsCsv(`${header}\r\n`).problems).toEqual([
      { line: 1, message: 'the file has a header but no rows' },
    ]);
    expect(readParcelsCsv(`${header}\r\n"oops\r\n`).problems).toEqual([
      { line: 2, message: 'a quoted field is never closed' },
    ]);
  });
});
