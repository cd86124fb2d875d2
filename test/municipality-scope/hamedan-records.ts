import { createHash } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_PERMIT_PARCEL } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { IssueDocumentCommand } from '../../src/documents/issue-document/issue-document.command.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { foundationDue } from '../../src/permits/permit.fixtures.js';
import { newId } from '../../src/shared/ids.js';
import { call, type CallOptions } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { documentContext, permitDocumentRequest } from '../support/permit-documents.js';
import { samplePdf } from '../support/sample-attachments.js';
import { feesAssessedFile, seededFile } from '../support/seeded-permits.js';
import { untilSettled } from '../support/test-app.js';

/** One record of every kind hamedan's staff handle, made the way its users make them. */
export interface HamedanRecords {
  readonly submittedFile: string;
  readonly attachment: string;
  readonly inspectedFile: string;
  readonly waitingInquiry: string;
  readonly answeredInquiry: string;
  readonly answerDocument: string;
  readonly permitDocument: string;
  readonly paidFile: string;
  readonly payment: string;
  readonly refund: string;
  /** The first event of the waiting inquiry, for the audit trail. */
  readonly inquiryEvent: string;
}

export async function hamedanRecords(
  app: NestFastifyApplication,
  token: (user: 'citizen' | 'notary' | 'clerk') => string,
): Promise<HamedanRecords> {
  const post = async (url: string, as: CallOptions, expected = [201]) => {
    const res = await call(app, 'POST', url, as);
    if (!expected.includes(res.statusCode)) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const citizen = { token: token('citizen') };

  const { permitId: submittedFile } = await post('/permits', {
    ...citizen,
    body: { renewalCode: DEMO_PERMIT_PARCEL, applicationType: 'NewConstruction' },
  });
  let attachment = '';
  for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
    const content = Buffer.concat([samplePdf, Buffer.from(newId())]);
    const res = await app.inject({
      method: 'POST',
      url: `/permits/${submittedFile}/attachments`,
      headers: { authorization: `Bearer ${token('citizen')}`, 'content-type': MULTIPART_CONTENT_TYPE },
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'file', fileName: `${kind}.pdf`, content },
      ]),
    });
    if (res.statusCode !== 201) throw new Error(`attaching ${kind}: ${res.statusCode} ${res.body}`);
    attachment = createHash('sha256').update(content).digest('hex');
  }
  await post(`/permits/${submittedFile}/submission`, { ...citizen, body: {} });

  const file = (renewalCode: string, expected: number) =>
    post(
      '/inquiries',
      {
        token: token('notary'),
        body: { kind: 'Transfer', renewalCode, requesterReference: `SCOPE-${newId()}`, purpose: 'sale' },
      },
      [expected],
    );
  // The demo parcel owing its renewal dues waits for a clerk; the clear one is answered at once.
  const waiting = await file('1-1-1-2-0-0-0', 202);
  const answered = await file(DEMO_PERMIT_PARCEL, 201);

  const paidFile = await feesAssessedFile(app);
  const { paymentId } = await post(`/permits/${paidFile}/payments/online`, { ...citizen, body: {} });
  // Paid through the sandbox gateway's page, as the applicant would.
  await post(`/sandbox-gateway/${paymentId}/pay`, {}, [200]);
  await untilSettled(app);
  await post(`/permits/${paidFile}/withdrawal`, { ...citizen, body: {} }, [200, 201]);
  const { refundId } = await post('/refunds', {
    token: token('clerk'),
    body: { paymentId, reason: 'withdrawn after paying' },
  });

  const inspectedFile = await seededFile(app, foundationDue);
  const { code: permitDocument } = await app
    .get(CommandBus)
    .execute(new IssueDocumentCommand(permitDocumentRequest({}, paidFile), documentContext()));
  await untilSettled(app);
  const [filed] = await app.get<EventStore>(EVENT_STORE).readStream(`inquiry-${waiting.inquiryId}`);
  return {
    submittedFile,
    attachment,
    inspectedFile,
    waitingInquiry: waiting.inquiryId,
    answeredInquiry: answered.inquiryId,
    answerDocument: answered.document.code,
    permitDocument,
    paidFile,
    payment: paymentId,
    refund: refundId,
    inquiryEvent: filed!.id,
  };
}
