import { Inject, Injectable } from '@nestjs/common';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { renderCode128Png, renderQrPng, renderQrSvg } from '../../../signing/barcodes.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import { remember } from '../../shared/bounded-map.js';
import type { AppConfig } from '../../config/app-config.js';

const CACHED_IMAGES = 2_000;

/**
 * A document's QR code (the verification URL, with the seal after `#` for offline checks: browsers
 * never send the fragment) and its Code 128, drawn on first request and then kept: they never change.
 */
@Injectable()
export class DocumentBarcodes {
  private readonly images = new Map<string, Promise<Buffer> | string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  qrText(record: Pick<DocumentRecord, 'code' | 'seal'>): string {
    return `${this.config.publicUrl}/v/${record.code}#${record.seal}`;
  }

  verifyUrl(code: string): string {
    return `${this.config.publicUrl}/v/${code}`;
  }

  qrPng(record: DocumentRecord): Promise<Buffer> {
    return this.cached(`qr.png:${record.code}`, () => renderQrPng(this.qrText(record)));
  }

  qrSvg(record: DocumentRecord): string {
    return this.cached(`qr.svg:${record.code}`, () => renderQrSvg(this.qrText(record)));
  }

  code128Png(record: DocumentRecord): Promise<Buffer> {
    return this.cached(`code128.png:${record.code}`, () => renderCode128Png(record.code));
  }

  private cached<T extends Promise<Buffer> | string>(key: string, draw: () => T): T {
    const known = this.images.get(key);
    if (known !== undefined) return known as T;
    const image = draw();
    remember(this.images, key, image, CACHED_IMAGES);
    if (image instanceof Promise) image.catch(() => this.images.delete(key));
    return image;
  }
}
