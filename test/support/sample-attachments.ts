import { PNG } from 'pngjs';

/** Small but well-formed files of each attachment type, for upload tests. */
export const samplePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
export const samplePng = PNG.sync.write(new PNG({ width: 4, height: 4 }));
export const sampleJpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0', 'latin1'),
  Buffer.alloc(300, 1),
  Buffer.from([0xff, 0xd9]),
]);
export const sampleDxf = Buffer.from(
  '  0\r\nSECTION\r\n  2\r\nENTITIES\r\n  0\r\nENDSEC\r\n  0\r\nEOF\r\n',
  'latin1',
);
