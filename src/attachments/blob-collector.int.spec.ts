import { existsSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sampleJpeg, samplePdf, samplePng } from '../../test/support/sample-attachments.js';
import type { NewEvent } from '../event-store/event-envelope.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { attachment, permitId, survey } from '../permits/permit.fixtures.js';
import { permitBlobReferences } from '../permits/permit-blob-references.js';
import type { PermitEvent } from '../permits/permit.events.js';
import { newId } from '../shared/ids.js';
import { BlobCollector } from './blob-collector.js';
import { BlobStore, type BlobLimits } from './blob-store.js';

const HOUR = 3600_000;
const GRACE = 24 * HOUR;
const NOW = new Date('2026-11-25T10:00:00.000Z');
const limits: BlobLimits = { maxBytes: 64 * 1024, allowedTypes: ['pdf', 'jpeg', 'png'] };

const recorded = (event: PermitEvent): NewEvent =>
  ({
    id: newId(),
    ...event,
    metadata: {
      actor: { id: 'test', role: 'system' },
      correlationId: 'corr-1',
      causationId: 'corr-1',
      recordedAt: NOW.toISOString(),
      schemaVersion: 1,
    },
  }) as NewEvent;

describe('BlobCollector', () => {
  let dir: string;
  let store: SqliteEventStore;
  let blobs: BlobStore;
  let collector: BlobCollector;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-blob-collector-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    blobs = new BlobStore(join(dir, 'blobs'));
    collector = new BlobCollector(store, blobs, permitBlobReferences, GRACE, () => NOW);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Stores the bytes as if last used `ageMs` before NOW. */
  async function stored(bytes: Buffer, ageMs: number): Promise<string> {
    const { sha256 } = await blobs.put(Readable.from([bytes]), limits);
    const at = new Date(NOW.getTime() - ageMs);
    utimesSync(pathOf(sha256), at, at);
    return sha256;
  }
  const pathOf = (sha256: string) => join(dir, 'blobs', sha256.slice(0, 2), sha256);
  const named = (events: PermitEvent[]) =>
    store.append(`permit-${permitId}`, events.map(recorded), { expectedRevision: 'any' });

  it('keeps blobs events name and young ones, and removes old ones nobody names', async () => {
    const attached = await stored(samplePdf, 30 * HOUR);
    const photo = await stored(samplePng, 30 * HOUR);
    const inspected = await stored(Buffer.concat([sampleJpeg, Buffer.from('violation')]), 30 * HOUR);
    const abandoned = await stored(sampleJpeg, GRACE + 1);
    const young = await stored(Buffer.concat([samplePdf, Buffer.from('young')]), GRACE - HOUR);
    await named([
      {
        type: 'PermitDocumentAttached',
        data: { permitId, attachment: { ...attachment('ownership_deed'), sha256: attached } },
      },
      {
        type: 'SiteVisitReported',
        data: { permitId, surveyorId: 'surveyor-1', survey: { ...survey, photos: [photo] } },
      },
      {
        type: 'InspectionReported',
        data: {
          permitId,
          inspectorId: 'surveyor-2',
          compliant: false,
          violations: [{ description: 'x', photos: [inspected] }],
        },
      },
    ]);

    expect(await collector.collect()).toEqual([abandoned]);

    for (const kept of [attached, photo, inspected, young]) expect(existsSync(pathOf(kept))).toBe(true);
    expect(existsSync(pathOf(abandoned))).toBe(false);
  });

  it('keeps the photos of a stage inspection and the files of an engineer’s stage report', async () => {
    const stagePhoto = await stored(Buffer.concat([sampleJpeg, Buffer.from('stage')]), 30 * HOUR);
    const violationPhoto = await stored(
      Buffer.concat([sampleJpeg, Buffer.from('stage violation')]),
      30 * HOUR,
    );
    const report = await stored(Buffer.concat([samplePdf, Buffer.from('stage report')]), 30 * HOUR);
    await named([
      {
        type: 'EngineerStageReported',
        data: {
          permitId,
          stage: 'foundation',
          engineerId: 'engineer-1',
          summary: 'poured',
          attachments: [report],
        },
      },
      {
        type: 'StageInspected',
        data: {
          permitId,
          stage: 'foundation',
          inspectorId: 'inspector-1',
          findings: 'beyond the line',
          photos: [stagePhoto],
          result: 'violations',
          violations: [{ description: 'x', photos: [violationPhoto] }],
        },
      },
    ]);
    expect(await collector.collect()).toEqual([]);
    for (const kept of [stagePhoto, violationPhoto, report]) expect(existsSync(pathOf(kept))).toBe(true);
  });

  it('keeps a blob an event named and a later one removed from its file', async () => {
    const removed = await stored(samplePdf, 30 * HOUR);
    const document = { ...attachment('site_plan'), sha256: removed };
    await named([
      { type: 'PermitDocumentAttached', data: { permitId, attachment: document } },
      { type: 'PermitDocumentRemoved', data: { permitId, sha256: removed } },
    ]);
    expect(await collector.collect()).toEqual([]);
    expect(existsSync(pathOf(removed))).toBe(true);
  });

  it('reads on from where it stopped: an event appended after a run protects its blob in the next', async () => {
    expect(await collector.collect()).toEqual([]);
    const late = await stored(samplePdf, 30 * HOUR);
    await named([
      {
        type: 'PermitDocumentAttached',
        data: { permitId, attachment: { ...attachment('deed'), sha256: late } },
      },
    ]);
    expect(await collector.collect()).toEqual([]);
    expect(existsSync(pathOf(late))).toBe(true);
  });

  it('keeps an old blob that was touched since, as a report citing an earlier photo does', async () => {
    const photo = await stored(samplePng, 30 * HOUR);
    expect(await blobs.touch(photo)).toBe(true);
    const later = new BlobCollector(store, blobs, permitBlobReferences, GRACE, () => new Date());
    expect(await later.collect()).toEqual([]);
    expect(existsSync(pathOf(photo))).toBe(true);
  });

  it('removes uploads that broke off before the grace period, and puts back a blob set aside by a stopped run', async () => {
    const kept = await stored(samplePdf, 30 * HOUR);
    await named([
      {
        type: 'PermitDocumentAttached',
        data: { permitId, attachment: { ...attachment('deed'), sha256: kept } },
      },
    ]);
    const aside = join(dir, 'blobs', `.collecting-${kept}`);
    renameSync(pathOf(kept), aside);
    const brokenOff = join(dir, 'blobs', '.upload-broken');
    writeFileSync(brokenOff, 'partial');
    const old = new Date(NOW.getTime() - GRACE - 1);
    utimesSync(brokenOff, old, old);

    await collector.collect();

    expect(existsSync(pathOf(kept))).toBe(true);
    expect(existsSync(aside)).toBe(false);
    expect(existsSync(brokenOff)).toBe(false);
  });
});
