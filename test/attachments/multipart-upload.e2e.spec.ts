import { Controller, type DynamicModule, Module, Post, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore } from '../../src/attachments/blob-store.js';
import { readSingleUpload } from '../../src/attachments/multipart-upload.js';
import { createApp, UPLOAD_LIMIT_BYTES } from '../../src/shared/http/create-app.js';
import { createLogger } from '../../src/shared/logging/pino-logger.js';
import { samplePdf } from '../support/sample-attachments.js';
import { multipart, MULTIPART_BOUNDARY, type MultipartPart } from '../support/multipart.js';
import { PublicAnswers } from '../../src/shared/http/public-answers.js';

/** A route that exists only in this test: the shape a real attachment endpoint takes. */
@Controller('test-uploads')
class UploadTestController {
  constructor(private readonly blobs: BlobStore) {}

  @Post()
  async upload(@Req() request: FastifyRequest) {
    const upload = await readSingleUpload(request, UPLOAD_LIMIT_BYTES);
    const blob = await this.blobs.put(upload.file, {
      maxBytes: UPLOAD_LIMIT_BYTES,
      allowedTypes: ['pdf', 'jpeg', 'png'],
    });
    return { ...blob, fileName: upload.fileName, fields: upload.fields };
  }
}

@Module({ controllers: [UploadTestController] })
class UploadTestModule {
  static using(blobs: BlobStore): DynamicModule {
    return {
      module: UploadTestModule,
      providers: [
        { provide: BlobStore, useValue: blobs },
        { provide: PublicAnswers, useValue: new PublicAnswers() },
      ],
    };
  }
}

// Served alone through createApp (adapter, multipart options, error filter), without the feature modules.
describe('multipart uploads (a test route on the real HTTP stack)', () => {
  let dataDir: string;
  let blobDir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-uploads-'));
    blobDir = join(dataDir, 'blobs');
    app = await createApp(UploadTestModule.using(new BlobStore(blobDir)), createLogger('silent'));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => rmSync(blobDir, { recursive: true, force: true }));

  const blobFiles = () => (existsSync(blobDir) ? readdirSync(blobDir, { recursive: true }) : []);
  const post = (
    payload: Buffer | string,
    contentType = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
  ) =>
    app.inject({
      method: 'POST',
      url: '/test-uploads',
      headers: { 'content-type': contentType },
      payload,
    });

  it('stores a PDF and answers its hash, name and the fields sent before it', async () => {
    const res = await post(
      multipart([
        { name: 'kind', value: 'ownership-deed' },
        { name: 'file', fileName: 'سند.pdf', content: samplePdf },
      ]),
    );
    expect(res.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(samplePdf).digest('hex');
    expect(res.json()).toEqual({
      sha256,
      size: samplePdf.length,
      mediaType: 'application/pdf',
      fileName: 'سند.pdf',
      fields: { kind: 'ownership-deed' },
    });
    expect(blobFiles()).toContain(join(sha256.slice(0, 2), sha256));
  });

  it('refuses a file over 20 MB with 413 and keeps nothing of it', async () => {
    const content = Buffer.concat([samplePdf, Buffer.alloc(21 * 1024 * 1024 - samplePdf.length, 0x20)]);
    const res = await post(multipart([{ name: 'file', fileName: 'huge.pdf', content }]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'ATTACHMENT.TOO_LARGE',
      details: { maxBytes: UPLOAD_LIMIT_BYTES },
    });
    expect(blobFiles()).toEqual([]);
  });

  it('refuses a file of another type with 400 and keeps nothing of it', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\0\x03\0', 'latin1'), Buffer.alloc(4096)]);
    const res = await post(multipart([{ name: 'file', fileName: 'plan.pdf', content: exe }]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ATTACHMENT.UNSUPPORTED_TYPE' });
    expect(blobFiles()).toEqual([]);
  });

  it('accepts a file above the JSON body limit', async () => {
    const content = Buffer.concat([samplePdf, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const res = await post(multipart([{ name: 'file', fileName: 'scan.pdf', content }]));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ size: content.length, mediaType: 'application/pdf' });
  });

  it('answers a request that is not multipart with 415 and a code', async () => {
    for (const contentType of ['application/json', 'text/plain']) {
      const res = await post('{"file":"JVBERi0="}', contentType);
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'REQUEST.NOT_MULTIPART' });
    }
    // A type no parser takes is refused by Fastify before the route runs.
    const raw = await post(samplePdf, 'application/pdf');
    expect(raw.statusCode).toBe(415);
    expect(raw.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers a form without a file with 400 ATTACHMENT.MISSING', async () => {
    const res = await post(multipart([{ name: 'kind', value: 'ownership-deed' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ATTACHMENT.MISSING' });
  });

  const pdfPart = { name: 'file', fileName: 'a.pdf', content: samplePdf };
  const fieldParts = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ name: `f${i}`, value: 'x' }));
  it.each<[string, number, string, MultipartPart[]]>([
    ['more than 10 fields', 413, 'REQUEST.TOO_MANY_PARTS', [...fieldParts(11), pdfPart]],
    ['a second file', 413, 'REQUEST.TOO_MANY_FILES', [pdfPart, { ...pdfPart, name: 'more' }]],
    ['a field after the file', 400, 'REQUEST.UNEXPECTED_PART', [pdfPart, ...fieldParts(1)]],
  ])('refuses a form with %s (%i) and keeps nothing of it', async (_case, status, code, parts) => {
    const res = await post(multipart(parts));
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code });
    expect(blobFiles()).toEqual([]);
  });

  it('answers a body cut off inside the file with 400 and keeps nothing of it', async () => {
    const res = await post(
      multipart([{ name: 'file', fileName: 'a.pdf', content: samplePdf }], { close: false }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REQUEST.MALFORMED_MULTIPART' });
    expect(blobFiles()).toEqual([]);
  });
});
