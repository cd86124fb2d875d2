import type { FeeLine } from '../../fees/calculate-fees.js';
import { DEMO_PASSWORD } from '../../identity/demo/demo-data.js';
import { codeFromOutbox, freshNationalId } from './demo-registration.js';

/** What `npm run demo` prints as its last line. */
export interface DemoResult {
  readonly permitId: string;
  readonly mapOrderDocument: string;
  /** The permit first issued: superseded by the renewed one, it verifies as such. */
  readonly permitDocument: string;
  /** The permit renewed (تمدید پروانه) on the same file, whose document supersedes the first. */
  readonly renewedPermitDocument: string;
  readonly completionDocument: string;
  /** The answer to a notary office's transfer inquiry (استعلام نقل و انتقال) on the same parcel. */
  readonly inquiryDocument: string;
  readonly verifyUrl: string;
  /** A citizen who registered during the demo, confirmed with the code from the SMS outbox. */
  readonly registeredNationalId: string;
}

type Json = Record<string, unknown> & {
  readonly id?: string;
  readonly documents?: Record<string, string>;
  readonly document?: { readonly code: string };
};

/** A minimal well-formed PDF standing for a scanned document; each kind gets its own bytes. */
const samplePdf = (kind: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${kind}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );

/** The demo citizen's parcel: 250 m² in zone R2 (up to 3 floors, 450 m² of floor area). */
export const DEMO_PERMIT_PARCEL = '1-1-1-1-0-0-0';
/** A design within every limit of that parcel's map order. */
export const DEMO_COMPLIANT_DESIGN = {
  floors: 3,
  floorAreasM2: [150, 150, 150],
  units: 3,
  use: 'residential',
  parkingSpaces: 3,
  groundCoverageM2: 150,
  setbackM: 2,
} as const;

/** The reason the demo clerk gives for lowering the permit fee, shown by the overrides report. */
export const DEMO_OVERRIDE_REASON = 'تخفیف ۲۰٪ عوارض نوسازی بافت فرسوده، مصوبه شورای شهر';
const DEMO_FEE_DISCOUNT = 0.2;

class DemoClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly log: (line: string) => void,
  ) {}

  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    const { accessToken } = await this.request('POST', '/auth/token', undefined, { username, password });
    this.tokens.set(username, String(accessToken));
  }

  /** One step as one demo user, printed as it happens; any refusal stops the walk-through. */
  async step(user: string | undefined, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> {
    const answer = await this.request(method, path, user, body);
    this.log(`${user ?? 'anonymous'} ${method} ${path}${answer.status ? ` → ${String(answer.status)}` : ''}`);
    return answer;
  }

  async upload(user: string, path: string, kind: string): Promise<Json> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([samplePdf(kind)], { type: 'application/pdf' }), `${kind}.pdf`);
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.tokens.get(user)}` },
      body: form,
    });
    this.log(`${user} POST ${path} (${kind}.pdf) → ${res.status}`);
    return this.parse(res, 'POST', path);
  }

  private async request(
    method: string,
    path: string,
    user: string | undefined,
    body?: unknown,
  ): Promise<Json> {
    const headers: Record<string, string> = {};
    if (user) headers['authorization'] = `Bearer ${this.tokens.get(user)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return this.parse(res, method, path);
  }

  private async parse(res: Response, method: string, path: string): Promise<Json> {
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as Json;
  }
}

/**
 * Walks one building-permit application from the draft to the permit and the completion certificate
 * over HTTP, each step by the demo user whose role takes it, and answers the documents issued.
 */
export async function runDemo(
  baseUrl: string,
  log: (line: string) => void,
  /** The demo SMS outbox of the server (`$DAFTAR_DATA_DIR/outbox/sms.jsonl`). */
  smsOutbox: string,
): Promise<DemoResult> {
  const client = new DemoClient(baseUrl.replace(/\/+$/, ''), log);
  const registeredNationalId = await registerCitizen(client, smsOutbox, log);
  for (const user of ['citizen', 'clerk', 'surveyor', 'inspector', 'engineer', 'signatory', 'notary']) {
    await client.signIn(user);
  }
  const surveyor = await client.step('surveyor', 'GET', '/me');
  const engineer = await client.step('engineer', 'GET', '/me');

  const { permitId } = await client.step('citizen', 'POST', '/permits', {
    renewalCode: DEMO_PERMIT_PARCEL,
    applicationType: 'NewConstruction',
  });
  const file = `/permits/${String(permitId)}`;
  for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
    await client.upload('citizen', `${file}/attachments`, kind);
  }
  await client.step('citizen', 'POST', `${file}/submission`);
  await client.step('clerk', 'POST', `${file}/take`);
  await client.step('clerk', 'POST', `${file}/surveyor`, { surveyorId: surveyor.id });
  await client.step('surveyor', 'POST', `${file}/site-visit`, {
    measuredAreaM2: 250,
    streetWidthM: 12,
    existingStructures: [{ floors: 2, areaM2: 300, description: 'old two-storey house, to be demolished' }],
    photos: [],
  });
  const mapOrdered = await client.step('clerk', 'POST', `${file}/map-order`);
  // The applicant chooses who designs; only that engineer may submit the design.
  await client.step('citizen', 'POST', `${file}/engineer`, { engineerId: engineer.id });
  await client.step('engineer', 'POST', `${file}/design`, DEMO_COMPLIANT_DESIGN);
  await client.step('clerk', 'POST', `${file}/design/approval`);
  await overrideFee(client, file);
  const payment = await client.step('citizen', 'POST', `${file}/payments/online`, { purpose: 'fees' });
  await client.step(undefined, 'POST', `/sandbox-gateway/${String(payment.paymentId)}/pay`);
  await waitForStatus(client, file, 'paid');
  const issued = await client.step('signatory', 'POST', `${file}/permit`);
  const renewed = await renew(client, file);
  await client.step('citizen', 'POST', `${file}/completion-request`);
  // The building inspector (بازرس ساختمان) assigned when the permit was issued inspects at completion.
  await client.step('inspector', 'POST', `${file}/inspection`, { compliant: true, violations: [] });
  const completed = await client.step('signatory', 'POST', `${file}/completion-certificate`);

  // The owner now sells: the notary office asks, and the parcel owing nothing, is answered at once.
  const inquiry = await client.step('notary', 'POST', '/inquiries', {
    kind: 'Transfer',
    renewalCode: DEMO_PERMIT_PARCEL,
    requesterReference: `DEMO-${String(permitId).slice(-12)}`,
    purpose: 'sale of the property',
  });
  const permitDocument = issued.documents?.['permit'] ?? '';
  const renewedPermitDocument = renewed.documents?.['permit'] ?? '';
  const verified = await client.step(undefined, 'GET', `/v/${encodeURIComponent(permitDocument)}`);
  log(`the first permit verifies as ${String(verified.status)} by ${String(verified['supersededBy'])}`);
  return {
    permitId: String(permitId),
    mapOrderDocument: mapOrdered.documents?.['mapOrder'] ?? '',
    permitDocument,
    renewedPermitDocument,
    completionDocument: completed.documents?.['completionCertificate'] ?? '',
    inquiryDocument: inquiry.document?.code ?? '',
    verifyUrl: `${baseUrl.replace(/\/+$/, '')}/v/${encodeURIComponent(renewedPermitDocument)}`,
    registeredNationalId,
  };
}

/** A new citizen registers: the mobile must be theirs, and the code from the SMS confirms it. */
async function registerCitizen(
  client: DemoClient,
  outbox: string,
  log: (line: string) => void,
): Promise<string> {
  const nationalId = freshNationalId();
  const mobile = `0912${nationalId.slice(3)}`;
  const password = 'a-demo-citizen-1';
  const { registrationId } = await client.step(undefined, 'POST', '/auth/register', {
    nationalId,
    mobile,
    fullName: 'شهروند تازه',
    password,
  });
  const code = await codeFromOutbox(outbox, mobile);
  log(`the code sent to ${mobile.slice(0, 4)}***${mobile.slice(-4)} is read from the SMS outbox`);
  await client.step(undefined, 'POST', '/auth/register/confirm', { registrationId, code });
  await client.signIn(nationalId, password);
  await client.step(nationalId, 'GET', '/me');
  return nationalId;
}

/**
 * The clerk opens the file (a read the citizen's access log shows) and lowers its permit fee with the
 * reason, as a council resolution allows: a fee override (اصلاح عوارض) for the oversight report.
 */
async function overrideFee(client: DemoClient, file: string): Promise<void> {
  const { fees } = (await client.step('clerk', 'GET', file)) as { fees?: { lines: FeeLine[] } };
  const permitFee = fees?.lines.find((line) => line.code === 'PERMIT_FEE');
  if (!permitFee) throw new Error('The file has no assessed permit fee to override');
  await client.step('clerk', 'POST', `${file}/fees/PERMIT_FEE`, {
    to: Math.round((permitFee.amount * (1 - DEMO_FEE_DISCOUNT)) / 1000) * 1000,
    reason: DEMO_OVERRIDE_REASON,
  });
}

/**
 * The applicant renews the permit (تمدید پروانه) on its own file: asks, pays the renewal fee online, and
 * the signatory renews it; the renewed permit's document supersedes the first.
 */
async function renew(client: DemoClient, file: string): Promise<Json> {
  await client.step('citizen', 'POST', `${file}/renewal-request`);
  const payment = await client.step('citizen', 'POST', `${file}/payments/online`, { purpose: 'renewal' });
  await client.step(undefined, 'POST', `/sandbox-gateway/${String(payment.paymentId)}/pay`);
  await waitForStatus(client, file, 'renewal_paid');
  return client.step('signatory', 'POST', `${file}/renewal`);
}

/** The gateway's callback records the payment through a reaction, a moment after the bank answers. */
async function waitForStatus(
  client: DemoClient,
  file: string,
  status: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await client.step('citizen', 'GET', file)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The file did not reach ${status} in time`);
}
