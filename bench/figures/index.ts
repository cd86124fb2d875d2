import type { BenchFigure } from '../figure.js';
import { auditFigures } from './audit.bench.js';
import { documentFigures } from './documents.bench.js';
import { eventStoreFigures } from './event-store.bench.js';
import { feedFigures } from './feed.bench.js';
import { inquiryFigures } from './inquiries.bench.js';
import { ledgerFigures } from './ledger.bench.js';
import { parcelFigures } from './parcels.bench.js';
import { permitFigures } from './permits.bench.js';
import { scaleFigures } from './scale.bench.js';
import { webhookFigures } from './webhooks.bench.js';

/** Every figure `npm run bench` knows, in the order they run; add new modules here. */
export const figures: readonly BenchFigure[] = [
  ...eventStoreFigures,
  ...ledgerFigures,
  ...parcelFigures,
  ...documentFigures,
  ...permitFigures,
  ...inquiryFigures,
  ...auditFigures,
  ...feedFigures,
  ...webhookFigures,
  ...scaleFigures,
];
