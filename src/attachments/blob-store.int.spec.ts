import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { sampleDxf, sampleJpeg, samplePdf, samplePng } from '../../test/support/sample-attachments.js';
import { DomainError } from '../shared/domain-error.js';
import type { AttachmentType } from './attachment-type.js';
import { BlobStore } from './blob-store.js';

const ALL_TYPES: readonly AttachmentType[] = ['pdf', 'jpeg', 'png', 'dwg', 'dxf'];
const limits = { maxBytes: 64 * 1024, allowedTypes: ALL_TYPES };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under the directory, temporary ones included; the store creates it with its first bytes. */
const filesIn = (dir: string) =>
  (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** The bytes in chunks, counting how many chunks the store pulled. */
function chunked(bytes: Buffer, chunkSize: number) {
  const source = {
    pulled: 0,
    async *[Symbol.asyncIterator]() {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        source.pulled += 1;
        yield bytes.subarray(offset, offset + chunkSize);
      }
    },
  };
  return source;
}

describe('BlobStore', () => {
  let dir: string;
  let store: BlobStore;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'daftar-blobs-')), 'blobs');
    store = new BlobStore(dir);
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it.each([
    ['a PDF', samplePdf, 'application/pdf'],
    ['a PNG', samplePng, 'image/png'],
    ['a JPEG', sampleJpeg, 'image/jpeg'],
    ['a DXF', sampleDxf, 'image/vnd.dxf'],
  ])('stores %s under its SHA-256 and reads it back', async (_name, bytes, mediaType) => {
    const stored = await store.put(Readable.from([bytes]), limits);
    expect(stored).toEqual({ sha256: sha256(bytes), size: bytes.length, mediaType });
    expect(filesIn(dir)).toEqual([join(dir, stored.sha256.slice(0, 2), stored.sha256)]);
    expect(await store.has(stored.sha256)).toBe(true);
    expect(await store.size(stored.sha256)).toBe(bytes.length);
    expect(await buffer(await store.open(stored.sha256))).toEqual(bytes);
  });

  it('sniffs the type across small chunks', async () => {
    const stored = await store.put(chunked(samplePdf, 3), limits);
    expect(stored.sha256).toBe(sha256(samplePdf));
  });

  it('stores the same bytes once, and storing them again counts as a use', async () => {
    const first = await store.put(chunked(samplePng, 7), limits);
    const path = join(dir, first.sha256.slice(0, 2), first.sha256);
    utimesSync(path, new Date(0), new Date(0));
    const second = await store.put(Readable.from([samplePng]), limits);
    expect(second).toEqual(first);
    expect(filesIn(dir)).toEqual([path]);
    expect(statSync(path).mtimeMs).toBeGreaterThan(0);
  });

  it('touches a stored blob, and answers false for one it does not have', async () => {
    const { sha256: hash } = await store.put(Readable.from([samplePdf]), limits);
    const path = join(dir, hash.slice(0, 2), hash);
    utimesSync(path, new Date(0), new Date(0));
    expect(await store.touch(hash)).toBe(true);
    expect(statSync(path).mtimeMs).toBeGreaterThan(0);
    expect(await store.touch(sha256(Buffer.from('never stored')))).toBe(false);
    expect(await store.touch('../../etc/passwd')).toBe(false);
  });

  it('refuses a file above the limit as soon as it passes it, leaving no file behind', async () => {
    const source = chunked(Buffer.concat([samplePdf, Buffer.alloc(10_000)]), 1000);
    const refusal = store.put(source, { ...limits, maxBytes: 2500 });
    await expect(refusal).rejects.toMatchObject({
      code: 'ATTACHMENT.TOO_LARGE',
      kind: 'too_large',
      details: { maxBytes: 2500 },
    });
    expect(source.pulled).toBe(3);
    expect(filesIn(dir)).toEqual([]);
  });

  it.each([
    ['a Windows executable', Buffer.concat([Buffer.from('MZ\x90\0\x03\0', 'latin1'), Buffer.alloc(2000)])],
    ['plain text', Buffer.from('only a note, named plan.pdf\n')],
  ])('refuses %s, leaving no file behind', async (_name, bytes) => {
    await expect(store.put(Readable.from([bytes]), limits)).rejects.toMatchObject({
      code: 'ATTACHMENT.UNSUPPORTED_TYPE',
      kind: 'invalid',
      details: { allowed: ALL_TYPES },
    });
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses a type that is recognised but not allowed here', async () => {
    const refusal = store.put(Readable.from([sampleDxf]), { ...limits, allowedTypes: ['pdf'] });
    await expect(refusal).rejects.toMatchObject({ code: 'ATTACHMENT.UNSUPPORTED_TYPE' });
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses an empty file', async () => {
    await expect(store.put(Readable.from([]), limits)).rejects.toMatchObject({
      code: 'ATTACHMENT.EMPTY',
      kind: 'invalid',
    });
    expect(filesIn(dir)).toEqual([]);
  });

  it('removes the partial file when the upload breaks off midway', async () => {
    const source = new Readable({ read() {} });
    source.push(samplePdf);
    source.push(Buffer.alloc(5000));
    setImmediate(() => source.destroy(new Error('connection reset')));
    await expect(store.put(source, limits)).rejects.toThrow('connection reset');
    expect(filesIn(dir)).toEqual([]);
  });

  it('answers an unknown or malformed hash as not found', async () => {
    const unknown = sha256(Buffer.from('never stored'));
    for (const hash of [unknown, '../../etc/passwd']) {
      expect(await store.has(hash)).toBe(false);
      await expect(store.open(hash)).rejects.toThrow(DomainError);
      await expect(store.size(hash)).rejects.toMatchObject({
        code: 'ATTACHMENT.NOT_FOUND',
        kind: 'not_found',
      });
    }
  });
});
