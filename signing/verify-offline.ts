import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { splitPemCertificates } from './certificates.js';
import { parseDocumentCode } from './document-code.js';
import { parseVerificationQrText, verifySeal, type SealVerification } from './seal.js';
import { escapeUnsafeText } from './seal-format.js';
import type { SealV2Fields } from './seal-v2.js';

export interface OfflineCheck {
  readonly name: 'qr text' | 'certificates' | 'seal' | 'document code' | 'content';
  readonly ok: boolean;
  readonly detail: string;
}

export interface OfflineVerification {
  readonly valid: boolean;
  readonly checks: readonly OfflineCheck[];
  /** What the seal says, only when every check passed; a format-2 seal also the facts of the paper. */
  readonly fields?: SealVerification['fields'];
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
  // What a seal that does not verify says is the forger's word: it is not printed at all.
  if (fields && verification.valid) {
    lines.push(
      `Document ${fields.code}: ${fields.kind} of municipality ${escapeUnsafeText(fields.municipality)}, ` +
        `issued ${fields.issuedAt.toISOString()}`,
    );
    if ('holders' in fields) lines.push(...paperFacts(fields));
  }
  for (const check of verification.checks) {
    lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${escapeUnsafeText(check.detail)}`);
  }
  if (verification.valid && !verification.checks.some((check) => check.name === 'content')) {
    lines.push('  --    content: not checked (pass --content with the document JSON to check it)');
  }
  lines.push(verification.valid ? 'VALID' : 'INVALID');
  return `${lines.join('\n')}\n`;
}

const KIND_TITLES_FA: Readonly<Record<SealV2Fields['kind'], string>> = {
  BuildingPermit: 'پروانه ساختمانی',
  MapOrder: 'دستور نقشه',
  CompletionCertificate: 'گواهی پایان کار',
  InquiryAnswer: 'پاسخ استعلام',
  NoViolationCertificate: 'گواهی عدم خلاف',
};
const RESULTS_FA = { cleared: 'بلامانع', blocked: 'دارای مانع' } as const;
const jalaliDay = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  dateStyle: 'long',
  timeZone: 'Asia/Tehran',
});

/** What a person compares with the printed paper: a genuine seal on a forged paper differs here. */
function paperFacts(fields: SealV2Fields): string[] {
  const day = (at: Date) => `${at.toISOString().slice(0, 10)} (${jalaliDay.format(at)})`;
  const facts: [string, string][] = [
    ['kind / نوع سند', `${fields.kind} (${KIND_TITLES_FA[fields.kind]})`],
    [
      'renewal code / کد نوسازی',
      fields.renewalCode === undefined ? '—' : escapeUnsafeText(fields.renewalCode),
    ],
    ['holders / دارندگان', holdersFact(fields)],
    ['issued / تاریخ صدور', day(fields.issuedAt)],
    ['expires / تاریخ اعتبار', fields.expiresAt ? day(fields.expiresAt) : '—'],
  ];
  if (fields.result) facts.push(['result / نتیجه', `${fields.result} (${RESULTS_FA[fields.result]})`]);
  return [
    'Compare with the paper / با متن سند مقایسه کنید:',
    ...facts.map(([label, value]) => `  ${label}: ${value}`),
  ];
}

function holdersFact({ holders, moreHolders }: SealV2Fields): string {
  const names = holders.map(escapeUnsafeText);
  if (moreHolders) names.push(`and ${moreHolders} more (و ${moreHolders} نفر دیگر)`);
  return names.length > 0 ? names.join('، ') : '—';
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

function result(
  checks: readonly OfflineCheck[],
  fields?: OfflineVerification['fields'],
): OfflineVerification {
  const valid = checks.every((check) => check.ok);
  return { valid, checks, ...(fields && valid ? { fields } : {}) };
}

function pass(name: OfflineCheck['name'], detail: string): OfflineCheck {
  return { name, ok: true, detail };
}

function fail(name: OfflineCheck['name'], detail: string): OfflineCheck {
  return { name, ok: false, detail };
}
