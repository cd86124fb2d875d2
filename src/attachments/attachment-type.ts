/** The kinds of file a citizen or engineer may attach: scanned papers, photos and design drawings. */
export type AttachmentType = 'pdf' | 'jpeg' | 'png' | 'dwg' | 'dxf';

export const MEDIA_TYPE_OF: Readonly<Record<AttachmentType, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  dwg: 'image/vnd.dwg',
  dxf: 'image/vnd.dxf',
};

/** How many leading bytes `sniffAttachmentType` needs to decide (fewer when the file is shorter). */
export const SNIFF_BYTES = 256;

const PREFIXES: readonly (readonly [AttachmentType, Uint8Array])[] = [
  ['pdf', ascii('%PDF-')],
  ['jpeg', Uint8Array.of(0xff, 0xd8, 0xff)],
  ['png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  ['dxf', ascii('AutoCAD Binary DXF\r\n\x1a\0')],
];
// AutoCAD drawings open with their format version, AC1001 … AC1032.
const DWG_VERSION = /^AC10\d\d/;
// An ASCII DXF is a list of group-code/value line pairs and opens its first section: `0`, `SECTION`.
const ASCII_DXF = /^\s*0\r?\nSECTION\r?\n/;

/** Recognises an attachment by its content, never by its name or declared type. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | undefined {
  const prefixed = PREFIXES.find(([, prefix]) => startsWith(head, prefix));
  if (prefixed) return prefixed[0];
  const text = Buffer.from(head.subarray(0, SNIFF_BYTES)).toString('latin1');
  if (DWG_VERSION.test(text)) return 'dwg';
  if (ASCII_DXF.test(text)) return 'dxf';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
