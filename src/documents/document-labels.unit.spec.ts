import { fieldsAsPrinted, valueHtml } from './document-labels.js';

const PERMIT_ID = '01a23a5f-e2f7-4c1b-9d3e-5f6a7b8c9d0e';
const printed = (fields: Record<string, unknown>) =>
  fieldsAsPrinted(fields).map(({ label, value }) => [label, value.markup]);

describe('document fields as people read them', () => {
  it('shows the tracking number as the file number, left to right with its own digits, and no UUID', () => {
    expect(printed({ permitId: PERMIT_ID, trackingNumber: '8923697879', floors: 4 })).toEqual([
      ['شماره پرونده (کد رهگیری)', '<bdi dir="ltr">8923697879</bdi>'],
      ['تعداد طبقات', '۴'],
    ]);
    expect(printed({ inquiryId: PERMIT_ID, trackingNumber: '8923697879' })).toEqual([
      ['شماره استعلام (کد رهگیری)', '<bdi dir="ltr">8923697879</bdi>'],
    ]);
  });

  it('shows an id without a tracking number as it is, its digits kept', () => {
    expect(printed({ permitId: PERMIT_ID })).toEqual([['شماره پرونده', `<bdi dir="ltr">${PERMIT_ID}</bdi>`]]);
    expect(printed({ trackingNumber: '8923697879' })).toEqual([
      ['کد رهگیری', '<bdi dir="ltr">8923697879</bdi>'],
    ]);
  });

  it.each([
    ['renewalCode', '1-1-1-1-0-0-0'],
    ['requesterReference', 'NT-1404/77'],
    ['commissionReference', '1404-55'],
  ])('isolates the %s left to right, digits as typed', (field, value) => {
    expect(valueHtml(field, value).markup).toBe(`<bdi dir="ltr">${value}</bdi>`);
  });

  it('isolates codes inside lists and records and escapes them', () => {
    expect(valueHtml('violations', [{ code: 'V-12', text: 'اضافه بنا ۲۰ مترمربع' }]).markup).toBe(
      'کد: <bdi dir="ltr">V-12</bdi>؛ شرح: اضافه بنا ۲۰ مترمربع',
    );
    expect(valueHtml('requesterReference', '<b>1</b>').markup).toBe(
      '<bdi dir="ltr">&lt;b&gt;1&lt;/b&gt;</bdi>',
    );
  });

  it('words the other values in Persian, with Persian digits', () => {
    expect(valueHtml('use', 'residential').markup).toBe('مسکونی');
    expect(valueHtml('feesTotal', 123_000_000).markup).toBe('۱۲۳,۰۰۰,۰۰۰');
  });
});
