import { parse } from 'content-disposition';
import { attachmentDisposition, keptFileName } from './file-name.js';

describe('attachment file names', () => {
  it('keeps 200 code points, never half of a surrogate pair', () => {
    const name = `${'ب'.repeat(199)}📄.pdf`;
    expect(keptFileName(name)).toBe(`${'ب'.repeat(199)}📄`);
    expect(keptFileName('سند.pdf')).toBe('سند.pdf');
  });

  it.each([
    ['a Persian name with an emoji', 'سند 📄.pdf'],
    ['quotes, a backslash and a line break', 'a"b\\c\r\nd.pdf'],
  ])('writes %s into a header that reads back as the name', (_case, name) => {
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
    expect(parse(header).parameters['filename']).toBe(name);
  });

  it('answers a name that ends in half a surrogate pair with a replacement character', () => {
    expect(parse(attachmentDisposition('plan\ud83d')).parameters['filename']).toBe('plan\ufffd');
  });
});
