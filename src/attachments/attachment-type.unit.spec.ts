import { sniffAttachmentType } from './attachment-type.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('sniffAttachmentType', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')],
    ['dwg', bytes('AC1032\0\0\0\0\0\x1f')],
    ['dwg', bytes('AC1015\0\0\0\0\0\x01')],
    ['dxf', bytes('  0\r\nSECTION\r\n  2\r\nHEADER\r\n')],
    ['dxf', bytes('0\nSECTION\n2\nENTITIES\n')],
    ['dxf', bytes('AutoCAD Binary DXF\r\n\x1a\0', [0, 0])],
  ])('recognises %s by its first bytes', (type, head) => {
    expect(sniffAttachmentType(head)).toBe(type);
  });

  it.each([
    ['a Windows executable', bytes('MZ\x90\0\x03\0\0\0')],
    ['plain text', bytes('just some notes\n')],
    ['a PDF name on HTML', bytes('<!doctype html><title>x.pdf</title>')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47])],
    ['a DXF-like text that opens no section', bytes('  0\r\nEOF\r\n')],
    ['nothing', bytes()],
  ])('refuses %s', (_name, head) => {
    expect(sniffAttachmentType(head)).toBeUndefined();
  });
});
