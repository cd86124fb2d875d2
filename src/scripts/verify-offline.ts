import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatOfflineVerification, verifyOffline } from '../../signing/verify-offline.js';

const USAGE =
  'Usage: npm run verify:offline -- "<QR text>" --certificates certificates.pem [--content content.json]\n' +
  '  certificates.pem: the bundle published at /.well-known/daftar/certificates (the CA first)\n' +
  '  content.json: the document content, checked against the digest in the seal\n';

/** Checks a document's QR code offline. Exit status 0: valid, 1: invalid, 2: wrong usage. */
function main(): number {
  let qrText: string;
  let certificatesPem: string;
  let contentJson: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      options: { certificates: { type: 'string' }, content: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1 || !values.certificates)
      throw new Error('one QR text and --certificates are required');
    qrText = positionals[0]!;
    certificatesPem = readFileSync(values.certificates, 'utf8');
    contentJson = values.content === undefined ? undefined : readFileSync(values.content, 'utf8');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const verification = verifyOffline({
    qrText,
    certificatesPem,
    ...(contentJson === undefined ? {} : { contentJson }),
  });
  process.stdout.write(formatOfflineVerification(verification));
  return verification.valid ? 0 : 1;
}

process.exitCode = main();
