import type { DocumentKind } from '../../src/documents/document.events.js';
import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import {
  attached,
  attachment,
  events as e,
  fees,
  history,
  permitId,
  renewalFees,
  STAGES,
  surplusFees,
  variant,
} from '../../src/permits/permit.fixtures.js';
import { evolvePermit, initialPermitState } from '../../src/permits/permit.state.js';
import {
  permitsProjection,
  type PermitView,
  type PermitDocumentIssued,
  type PermitsProjectionEvent,
} from './permits.projection.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-01T06:00:00.000Z');
const clerk: Actor = { id: 'user-clerk', role: 'clerk', municipality: 'hamedan' };
const hourAt = (n: number) => new Date(START + n * HOUR).toISOString();

/** The events as the store records them, one hour apart, by the clerk unless named otherwise. */
function recorded(
  events: readonly PermitsProjectionEvent[],
  actor = clerk,
): RecordedEvent<PermitsProjectionEvent>[] {
  return events.map(
    (event, i) =>
      ({
        ...event,
        id: `event-${i}`,
        stream: event.type === 'DocumentIssued' ? `document-${event.data.code}` : permitStream(permitId),
        revision: BigInt(i),
        position: String(i + 1),
        metadata: { actor, correlationId: 'c', causationId: 'r', recordedAt: hourAt(i), schemaVersion: 1 },
      }) as RecordedEvent<PermitsProjectionEvent>,
  );
}

const fold = (events: readonly PermitsProjectionEvent[]) =>
  recorded(events).reduce<PermitView | null>((doc, event) => permitsProjection.evolve(doc, event), null);

function issued(kind: DocumentKind, code: string, stream = permitStream(permitId)): PermitDocumentIssued {
  const content = { code, kind, municipality: 'hamedan', issuedAt: hourAt(0), holders: [], body: {} };
  return {
    type: 'DocumentIssued',
    data: {
      code,
      kind,
      municipality: 'hamedan',
      subject: { stream, eventId: 'event-x' },
      content,
      contentSha256: 'c'.repeat(64),
      signature: 'sig',
      keyId: 'key-1',
      seal: 'seal',
      issuedAt: hourAt(0),
    },
  };
}

describe('permits projection', () => {
  it('shows no tracking number on a file opened before numbers were given', () => {
    const { trackingNumber: _, ...before } = e.opened.data as Extract<
      PermitEvent,
      { type: 'PermitDraftOpened' }
    >['data'];
    expect(fold([{ type: 'PermitDraftOpened', data: before }])).not.toHaveProperty('trackingNumber');
    expect(evolvePermit(initialPermitState(), e.opened)).toMatchObject({
      trackingNumber: e.opened.data.trackingNumber,
    });
  });

  it.each(STAGES)('reaches %s with the decider’s own state name', (stage) => {
    const decided = history[stage].reduce(evolvePermit, initialPermitState());
    expect(fold(history[stage])?.status).toBe(stage);
    expect(decided.status).toBe(stage);
  });

  it.each(Object.entries(variant))('moves like the decider’s state at every event of %s', (_name, events) => {
    events.forEach((_, i) => {
      const upTo = events.slice(0, i + 1);
      expect(fold(upTo)?.status).toBe(upTo.reduce(evolvePermit, initialPermitState()).status);
    });
  });

  it('shows a renewal: its fee paid, then the new validity, the old permit document gone until the new one', () => {
    const past = [...history.issued, issued('BuildingPermit', 'OLD-PERMIT'), e.expired, e.renewalRequested];
    expect(fold(past)).toMatchObject({
      status: 'renewal_requested',
      renewal: { total: renewalFees.total, paid: 0, outstanding: renewalFees.total },
    });
    const paid = fold([...past, e.renewalPaid]);
    expect(paid).toMatchObject({
      status: 'renewal_paid',
      renewal: { paid: renewalFees.total, outstanding: 0 },
    });
    expect(paid?.fees).toEqual(fold(history.issued)?.fees);
    const renewed = fold([...past, e.renewalPaid, e.renewed]);
    expect(renewed).toMatchObject({
      status: 'issued',
      permit: e.renewed.data.validity,
      renewal: { renews: e.renewed.data.renews, renewedAt: expect.any(String) },
    });
    expect(renewed?.documents.permit).toBeUndefined();
    expect(
      fold([...past, e.renewalPaid, e.renewed, issued('BuildingPermit', 'NEW-PERMIT')])?.documents.permit,
    ).toBe('NEW-PERMIT');
  });

  it('keeps the status on an event the status machine does not take there', () => {
    expect(fold([...history.draft, e.issued])?.status).toBe('draft');
    expect([...history.draft, e.issued].reduce(evolvePermit, initialPermitState()).status).toBe('draft');
  });

  it('folds a whole lifecycle into one clerk-ready file', () => {
    const lifecycle = [
      ...history.issued.slice(0, history.awaiting_design.length),
      issued('MapOrder', 'MAPORDER1'),
      ...history.completed.slice(history.awaiting_design.length),
      issued('BuildingPermit', 'PERMIT1'),
      issued('CompletionCertificate', 'CERT1'),
    ];
    const doc = fold(lifecycle)!;

    expect(doc).toMatchObject({
      id: permitId,
      permitId,
      municipality: 'hamedan',
      region: '1',
      renewalCode: '1-1-1-1-0-0-0',
      applicationType: 'NewConstruction',
      trackingNumber: e.opened.data.trackingNumber,
      status: 'completed',
      clerkId: 'clerk-1',
      surveyorId: 'surveyor-1',
      mapOrder: { ruleSetVersion: 1 },
      design: { engineerId: 'engineer-1', violations: [] },
      fees: { total: fees.total, paid: fees.total, outstanding: 0, overrides: [] },
      permit: { issuedAt: e.issued.data.issuedAt, validUntil: e.issued.data.validUntil },
      inspection: { compliant: true },
      completedAt: e.certificateIssued.data.issuedAt,
      documents: { mapOrder: 'MAPORDER1', permit: 'PERMIT1', completionCertificate: 'CERT1' },
      openedAt: hourAt(0),
      updatedAt: hourAt(lifecycle.length - 1),
      position: String(lifecycle.length),
    });
    expect(doc.attachments).toHaveLength(3);
    expect(doc.payments).toEqual([expect.objectContaining({ purpose: 'fees', reference: 'BANK-1' })]);
    expect(doc.closed).toBeUndefined();
  });

  it('accumulates the time spent in each status left, from the recorded times alone', () => {
    // opened + 3 attachments, then one hour per step.
    const doc = fold([...history.under_review, e.returned, e.submitted, e.taken, e.surveyorAssigned])!;
    expect(doc.status).toBe('surveying');
    expect(doc.stateSince).toBe(hourAt(9));
    expect(doc.timeInStates).toEqual({
      draft: 4 * HOUR,
      submitted: 2 * HOUR,
      under_review: 2 * HOUR,
      returned: HOUR,
    });
    expect(doc.returns).toEqual([{ at: hourAt(6), by: 'user-clerk', reasons: e.returned.data.reasons }]);
  });

  it('keeps the state’s start when an event leaves the status as it is', () => {
    const doc = fold([...history.under_review, { ...e.taken, data: { permitId, clerkId: 'clerk-2' } }])!;
    expect(doc).toMatchObject({ status: 'under_review', clerkId: 'clerk-2', stateSince: hourAt(5) });
    expect(doc.timeInStates).toEqual({ draft: 4 * HOUR, submitted: HOUR });
  });

  it('follows attachments removed, designs returned, overridden approvals and fee overrides', () => {
    const removed: PermitEvent = {
      type: 'PermitDocumentRemoved',
      data: { permitId, sha256: attachment('site_plan').sha256 },
    };
    const override: PermitEvent = {
      type: 'FeeOverridden',
      data: {
        permitId,
        line: 'PERMIT_FEE',
        from: surplusFees.lines[0]!.amount,
        to: 800_000_000,
        reason: 'council resolution 42',
        total: surplusFees.total - surplusFees.lines[0]!.amount + 800_000_000,
      },
    };
    const toMapOrder = variant.surplusFeesAssessed.slice(0, -3);
    const documentsAttached = history.draft.length;
    const doc = fold([
      ...toMapOrder.slice(0, documentsAttached),
      attached(attachment('site_plan', 2)),
      removed,
      ...toMapOrder.slice(documentsAttached),
      e.violatingDesignSubmitted,
      e.designReturned,
      ...variant.surplusFeesAssessed.slice(-3),
      override,
    ])!;

    expect(doc.attachments.map((a) => a.sha256)).toEqual([
      attachment('ownership_deed').sha256,
      attachment('national_card').sha256,
      attachment('site_plan', 2).sha256,
    ]);
    expect(doc.designReturns).toEqual([expect.objectContaining({ reasons: e.designReturned.data.reasons })]);
    expect(doc.designOverride).toMatchObject({ reason: 'commission 12 allowed it', by: 'user-clerk' });
    expect(doc.design!.violations.length).toBeGreaterThan(0);
    expect(doc.fees).toMatchObject({
      total: override.data.total,
      outstanding: override.data.total,
      paid: 0,
      overrides: [{ line: 'PERMIT_FEE', from: override.data.from, to: 800_000_000, by: 'user-clerk' }],
    });
    expect(doc.fees!.lines.find((l) => l.code === 'PERMIT_FEE')!.amount).toBe(800_000_000);
    expect(doc.status).toBe('fees_assessed');
  });

  it('keeps a commission fine apart from the fees', () => {
    const doc = fold(variant.completedAfterFine)!;
    expect(doc).toMatchObject({
      status: 'completed',
      fees: { paid: fees.total, outstanding: 0 },
      inspection: { compliant: false },
      commission: { ruling: { ruling: 'fine', fineAmount: 300_000_000, reference: 'C100-1405-17' } },
    });
    expect(doc.payments.map((p) => p.purpose)).toEqual(['fees', 'fine']);
    expect(doc.timeInStates).toMatchObject({ fine_due: HOUR, fine_paid: HOUR, in_commission: HOUR });
  });

  it('records who the applicant nominated to design, without changing the status', () => {
    const doc = fold(history.awaiting_design)!;
    const at = hourAt(history.awaiting_design.length - 1);
    expect(doc.nominee).toEqual({ ...e.engineerNominated.data.nominee, nominatedAt: at });
    expect(doc.status).toBe('awaiting_design');
    expect(doc.stateSince).toBe(hourAt(history.awaiting_design.length - 2));
  });

  it('says why a file closed', () => {
    expect(fold(history.withdrawn)!.closed).toEqual({ status: 'withdrawn', at: hourAt(4), by: 'user-clerk' });
    expect(fold(history.rejected)!.closed).toEqual({
      status: 'rejected',
      reason: 'the deed is forged',
      at: hourAt(6),
      by: 'user-clerk',
    });
  });

  it('shows why a revoked permit waits, until a new permit is issued', () => {
    const code = e.revoked.data.code;
    const revoked = fold([...history.issued, issued('BuildingPermit', code), e.revoked])!;
    const { permitId: _, ...revocation } = e.revoked.data;
    expect(revoked).toMatchObject({ status: 'issued', revocation, documents: { permit: code } });
    const reissued = fold([...history.issued, issued('BuildingPermit', code), e.revoked, e.reissued])!;
    expect(reissued.revocation).toBeUndefined();
    expect(reissued.documents.permit).toBeUndefined();
    expect(reissued.permit).toEqual({
      issuedAt: e.reissued.data.issuedAt,
      validUntil: e.reissued.data.validUntil,
    });
    expect(reissued.stateSince).toBe(revoked.stateSince);
  });

  it('clears the completion asked for under a revoked permit once a new one is issued', () => {
    const asked = fold([...history.completion_requested, e.revoked])!;
    expect(asked).toMatchObject({
      status: 'completion_requested',
      completionRequestedAt: expect.any(String),
    });
    const reissued = fold([...history.completion_requested, e.revoked, e.reissued])!;
    expect(reissued.status).toBe('issued');
    expect(reissued).not.toHaveProperty('completionRequestedAt', expect.anything());
    // After the completion inspection the request stands: the file goes on where it was.
    const inspected = fold([...history.inspected, e.revoked, e.reissued])!;
    expect(inspected).toMatchObject({ status: 'inspected', completionRequestedAt: expect.any(String) });
  });

  it('shows a renewal dropped: withdrawn, run out, or replaced by a new permit', () => {
    const requested = variant.renewalRequestedWhileValid;
    const withdrawn = { ...e.renewalWithdrawn, data: { ...e.renewalWithdrawn.data, expired: false } };
    for (const ending of [[withdrawn], [e.expired], [e.revoked, e.reissued]]) {
      const after = fold([...requested, ...ending])!;
      const endedAt = hourAt(requested.length + ending.length - 1);
      expect(after.renewal).toMatchObject({ total: renewalFees.total, droppedAt: endedAt });
    }
    const withdrawnExpired = fold([...history.renewal_requested, e.renewalWithdrawn])!;
    expect(withdrawnExpired.status).toBe('expired');
  });

  it('clears the revocation when a renewal paid replaces the revoked permit', () => {
    const replaced = { ...e.renewed, data: { ...e.renewed.data, replaces: e.revoked.data.code } };
    const renewed = fold([...history.renewal_paid, e.revoked, replaced])!;
    expect(renewed).toMatchObject({ status: 'issued', permit: e.renewed.data.validity });
    expect(renewed.revocation).toBeUndefined();
  });

  it('takes only documents issued for a permit file, for a file it knows', () => {
    const [forInquiry] = recorded([issued('InquiryAnswer', 'ANSWER1', 'inquiry-9')]);
    const [forOtherFile] = recorded([issued('MapOrder', 'MAPORDER2', 'permit-unknown')]);
    expect(permitsProjection.documentId(forInquiry!)).toBeNull();
    expect(permitsProjection.documentId(forOtherFile!)).toBe('unknown');
    expect(permitsProjection.evolve(null, forOtherFile!)).toBeNull();
  });
});
