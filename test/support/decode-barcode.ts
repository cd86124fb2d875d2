import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';

const FORMATS = { qr: BarcodeFormat.QR_CODE, code128: BarcodeFormat.CODE_128 } as const;

/** Reads a barcode PNG back to its text with ZXing, independently of the library that drew it. */
export function decodeBarcodePng(png: Buffer, format: keyof typeof FORMATS): string {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luminance.length; i += 1) {
    const [red, green, blue, alpha] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!, data[i * 4 + 3]!];
    // Composited onto white, so a transparent background reads as paper.
    const gray = (red + 2 * green + blue) / 4;
    luminance[i] = (gray * alpha + 255 * (255 - alpha)) / 255;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [FORMATS[format]]],
    [DecodeHintType.TRY_HARDER, true],
    // The PNGs are drawn, not photographed: ZXing's finder-pattern search misreads about one in four
    // dense drawn symbols, while its pure-barcode path reads them all.
    ...(format === 'qr' ? [[DecodeHintType.PURE_BARCODE, true] as const] : []),
  ]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  return reader.decode(bitmap, hints).getText();
}
