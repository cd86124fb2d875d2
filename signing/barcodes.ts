import bwipjs from 'bwip-js';

/** Above this a phone camera reading a printed A4 page starts to struggle, so the seal must fit in it. */
export const MAX_QR_VERSION = 20;

// bwip-js draws a QR module 2 points wide and measures padding in points too; the QR standard asks
// for a quiet zone of four modules on every side.
const QR_QUIET_ZONE_POINTS = 4 * 2;
// Pixels per point in the PNGs: a QR module becomes 6 px, a Code 128 bar at least 3 px.
const PNG_SCALE = 3;
const WHITE = 'FFFFFF';

// BWIPP options that bwip-js's typings do not list.
type QrOptions = bwipjs.RenderOptions & { eclevel: 'L' | 'M' | 'Q' | 'H' };

/** Refused because the text needs a bigger QR symbol than we print. */
export class QrTooLargeError extends Error {
  constructor(readonly version: number) {
    super(`The text needs a QR code of version ${version}; at most version ${MAX_QR_VERSION} is printed`);
    this.name = 'QrTooLargeError';
  }
}

/** The QR version (1–40) bwip-js picks for the text at error-correction level M. */
export function qrVersionOf(text: string): number {
  const options: QrOptions = { bcid: 'qrcode', text, eclevel: 'M' };
  const [symbol] = bwipjs.raw(options);
  if (!symbol || !('pixx' in symbol)) throw new Error('bwip-js returned no QR matrix');
  // A version-v symbol is 17 + 4v modules wide.
  return (symbol.pixx - 17) / 4;
}

export async function renderQrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer(qrOptions(text, PNG_SCALE));
}

export function renderQrSvg(text: string): string {
  return bwipjs.toSVG(qrOptions(text, 1));
}

/** Code 128 of a document number, the number printed below the bars. */
export function renderCode128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: PNG_SCALE,
    height: 12,
    includetext: true,
    textxalign: 'center',
    paddingwidth: 10,
    paddingheight: 4,
    backgroundcolor: WHITE,
  });
}

function qrOptions(text: string, scale: number): QrOptions {
  const version = qrVersionOf(text);
  if (version > MAX_QR_VERSION) throw new QrTooLargeError(version);
  // No `height`: it would stretch the square symbol.
  return {
    bcid: 'qrcode',
    text,
    eclevel: 'M',
    scale,
    paddingwidth: QR_QUIET_ZONE_POINTS,
    paddingheight: QR_QUIET_ZONE_POINTS,
    backgroundcolor: WHITE,
  };
}
