import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { splitPemCertificates } from './certificates.js';
import { parseDocumentCode } from './document-code.js';
import { parseVerificationQrText, verifySeal, type SealFields } from './seal.js';

export interface OfflineCheck {
  readonly name: 'qr text' | 'certificates' | 'seal' | 'document code' | 'content';
  readonly ok: boolean;
  readonly detail: string;
}

export interface OfflineVerification {
  readonly valid: boolean;
  readonly checks: readonly OfflineCheck[];
  /** What the seal says, when it could be read. */
  readonly fields?: SealFields;
}

/**
 * Checks a document's QR code without the network: the seal in `<url>/v/<code>#<seal>` against the
 * published certificate bundle (the CA first, then the signing certificates), the code in the URL
 * against the sealed one and, when given, the document's JSON against the sealed SHA-256 of its
 * canonical form. Valid only when every check passes.
 */
export function verifyOffline(input: {
  readonly qrText: string;
  readonly certificatesPem: string;
  readonly contentJson?: string;
}): OfflineVerification {
  const qr = parseVerificationQrText(input.qrText);
  if (!qr) return result([fail('qr text', 'is not <url>/v/<code>#<seal>')]);
  const checks: OfflineCheck[] = [pass('qr text', `${qr.publicUrl}/v/${qr.code}`)];

  const [caPem, ...signingPems] = splitPemCertificates(input.certificatesPem);
  if (!caPem || signingPems.length === 0) {
    return result([
      ...checks,
      fail('certificates', 'the bundle must hold the CA and at least one signing certificate'),
    ]);
  }
  let seal;
  try {
    seal = verifySeal(
      qr.seal,
      signingPems.map((certificatePem) => ({ certificatePem })),
      caPem,
    );
  } catch {
    return result([...checks, fail('certificates', 'the bundle holds text that is not a certificate')]);
  }
  checks.push(pass('certificates', `a CA and ${signingPems.length} signing certificate(s)`));
  const { fields } = seal;
  checks.push(
    seal.valid
      ? pass('seal', `signed by key ${fields!.keyId}, whose certificate the CA issued`)
      : fail('seal', seal.reason ?? 'invalid'),
  );
  if (!fields) return result(checks);

  const urlCode = parseDocumentCode(qr.code);
  checks.push(
    urlCode === fields.code
      ? pass('document code', `${fields.code}, as in the URL`)
      : fail('document code', `the URL names ${qr.code} but the seal ${fields.code}`),
  );
  if (input.contentJson !== undefined) checks.push(contentCheck(input.contentJson, fields.contentSha256));
  return result(checks, fields);
}

/** The result for people: one line per check, then the verdict. */
export function formatOfflineVerification(verification: OfflineVerification): string {
  const lines: string[] = [];
  const { fields } = verification;
  if (fields) {
    lines.push(
      `Document ${fields.code}: ${fields.kind} of municipality ${fields.municipality}, ` +
        `issued ${fields.issuedAt.toISOString()}`,
    );
  }
  for (const check of verification.checks) {
    lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
  }
  if (verification.valid && !verification.checks.some((check) => check.name === 'content')) {
    lines.push('  --    content: not checked (pass --content with the document JSON to check it)');
  }
  lines.push(verification.valid ? 'VALID' : 'INVALID');
  return `${lines.join('\n')}\n`;
}

function contentCheck(contentJson: string, sealedSha256: string): OfflineCheck {
  let canonical: string;
  try {
    canonical = canonicalJson(JSON.parse(contentJson));
  } catch (error) {
    return fail('content', `is not JSON data: ${error instanceof Error ? error.message : String(error)}`);
  }
  const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
  return digest === sealedSha256
    ? pass('content', `its canonical JSON has the sealed SHA-256 ${digest}`)
    : fail('content', `its canonical JSON has SHA-256 ${digest}, the seal ${sealedSha256}`);
}

function result(checks: readonly OfflineCheck[], fields?: SealFields): OfflineVerification {
  return { valid: checks.every((check) => check.ok), checks, ...(fields ? { fields } : {}) };
}

function pass(name: OfflineCheck['name'], detail: string): OfflineCheck {
  return { name, ok: true, detail };
}

function fail(name: OfflineCheck['name'], detail: string): OfflineCheck {
  return { name, ok: false, detail };
}
