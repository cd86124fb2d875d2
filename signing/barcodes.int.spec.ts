import { decodeBarcodePng } from '../test/support/decode-barcode.js';
import {
  MAX_QR_VERSION,
  QrTooLargeError,
  qrVersionOf,
  renderCode128Png,
  renderQrPng,
  renderQrSvg,
} from './barcodes.js';

// The shape of a verification link: the document code, then a compact signed seal after the '#'.
const seal = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)).toString('base64url');
const verificationUrl = `http://localhost:3000/v/ABCDEFGHJK7#${seal}`;

describe('barcodes', () => {
  it('draws a QR code of a verification link that reads back exactly', async () => {
    expect(verificationUrl.length).toBeGreaterThan(430);
    expect(qrVersionOf(verificationUrl)).toBeLessThanOrEqual(MAX_QR_VERSION);
    expect(decodeBarcodePng(await renderQrPng(verificationUrl), 'qr')).toBe(verificationUrl);
  });

  it('draws a QR code of a short text', async () => {
    const text = 'http://localhost:3000/v/7Q2M9XK4PA3';
    expect(qrVersionOf(text)).toBeLessThan(5);
    expect(decodeBarcodePng(await renderQrPng(text), 'qr')).toBe(text);
  });

  it('draws a Code 128 of a document code that reads back exactly', async () => {
    for (const code of ['7Q2M9XK4PA3', 'ABCDEFGHJK7']) {
      expect(decodeBarcodePng(await renderCode128Png(code), 'code128')).toBe(code);
    }
  });

  it('draws the QR code as well-formed SVG with a viewBox', () => {
    const svg = renderQrSvg(verificationUrl).trim();
    expect(svg).toContain('<path ');
    // One <svg> element holding only self-closed shapes, and nothing outside it.
    const outline = svg.replace(/<[a-z]+(?:\s+[a-z-]+="[^"<>]*")*\s*\/>/g, '').replace(/\s+/g, ' ');
    expect(outline).toMatch(
      /^<svg viewBox="0 0 \d+ \d+" xmlns="http:\/\/www\.w3\.org\/2000\/svg"\s*> ?<\/svg>$/,
    );
  });

  it(`refuses a text that needs a QR code above version ${MAX_QR_VERSION}`, async () => {
    const long = `http://localhost:3000/v/ABCDEFGHJK7#${'x'.repeat(1500)}`;
    const refusal: unknown = await renderQrPng(long).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(QrTooLargeError);
    expect((refusal as QrTooLargeError).version).toBeGreaterThan(MAX_QR_VERSION);
    expect((refusal as QrTooLargeError).message).toMatch(
      /needs a QR code of version \d+; at most version 20/,
    );
    expect(() => renderQrSvg(long)).toThrow(QrTooLargeError);
  });
});
