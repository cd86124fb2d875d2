import { given } from '../../test/support/given.js';
import { permitDecider } from './permit.decider.js';
import {
  attached,
  attachment,
  command,
  documents,
  events,
  history,
  liveStagesExcept,
  municipality,
  permitId,
  renewalCode,
  withData,
} from './permit.fixtures.js';

const { opened } = events;

describe('permit application', () => {
  describe('OpenPermitDraft', () => {
    it('opens a draft', () => {
      expect(given(permitDecider).when(command.OpenPermitDraft)).toEqual([opened]);
    });

    const renewal = { ...opened.data, applicationType: 'Renewal' as const, renewsPermitId: 'permit-0000' };
    const issuedHere = { municipality, renewalCode, issued: true };

    it('opens a renewal of an issued permit of the same parcel', () => {
      const open = withData(command.OpenPermitDraft, { ...renewal, renewedPermit: issuedHere });
      expect(given(permitDecider).when(open)).toEqual([{ type: 'PermitDraftOpened', data: renewal }]);
    });

    it('refuses an applicant who does not own the parcel', () => {
      const open = withData(command.OpenPermitDraft, { parcelOwners: ['0084575948'] });
      expect(given(permitDecider).when(open)).toMatchObject({
        code: 'PERMIT.NOT_PARCEL_OWNER',
        kind: 'forbidden',
      });
    });

    it.each([
      ['no such permit', undefined],
      ['a permit never issued', { ...issuedHere, issued: false }],
      ['a permit of another parcel', { ...issuedHere, renewalCode: '1-1-1-2-0-0-0' }],
      ['a permit of another municipality', { ...issuedHere, municipality: 'tehran' }],
    ])('refuses a renewal of %s', (_why, renewedPermit) => {
      const open = withData(command.OpenPermitDraft, { ...renewal, renewedPermit });
      expect(given(permitDecider).when(open)).toMatchObject({
        code: 'PERMIT.NOT_RENEWABLE',
        kind: 'invalid',
        details: { renewsPermitId: 'permit-0000' },
      });
    });

    it.each([
      ['an unknown type', { applicationType: 'Demolition' }, 'applicationType'],
      ['an invalid national id', { applicantNationalId: '0013542418' }, 'applicantNationalId'],
      ['a renewal naming no permit', { applicationType: 'Renewal' }, 'renewsPermitId'],
      [
        'a renewal naming a blank permit',
        { applicationType: 'Renewal', renewsPermitId: ' ' },
        'renewsPermitId',
      ],
      ['a new construction renewing a permit', { renewsPermitId: 'permit-0000' }, 'renewsPermitId'],
    ])('refuses %s', (_why, change, field) => {
      const open = withData(command.OpenPermitDraft, change as object);
      expect(given(permitDecider).when(open)).toMatchObject({
        code: 'PERMIT.INVALID_APPLICATION',
        kind: 'invalid',
        details: { field },
      });
    });

    it('refuses a file opened already', () => {
      expect(given(permitDecider, opened).when(command.OpenPermitDraft)).toMatchObject({
        code: 'PERMIT.ALREADY_EXISTS',
        kind: 'conflict',
      });
    });
  });

  describe('AddAttachment', () => {
    it.each(['draft', 'returned'] as const)('attaches a document to a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.AddAttachment)).toEqual([
        { type: 'PermitDocumentAttached', data: command.AddAttachment.data },
      ]);
    });

    it('attaches a second document of a kind', () => {
      const second = withData(command.AddAttachment, { attachment: attachment('ownership_deed', 2) });
      expect(given(permitDecider, ...history.draft).when(second)).toHaveLength(1);
    });

    it('attaches the same file as the same kind only once', () => {
      const again = withData(command.AddAttachment, { attachment: documents[0] });
      expect(given(permitDecider, ...history.draft).when(again)).toEqual([]);
    });

    it('refuses the same file as another kind', () => {
      const other = withData(command.AddAttachment, { attachment: { ...documents[0], kind: 'site_plan' } });
      expect(given(permitDecider, ...history.draft).when(other)).toMatchObject({
        code: 'PERMIT.DOCUMENT_ALREADY_ATTACHED',
        kind: 'conflict',
        details: { kind: 'ownership_deed' },
      });
    });

    it.each([
      ['kind', { kind: 'Deed' }],
      ['kind', { kind: '' }],
      ['sha256', { sha256: 'ABC' }],
      ['sha256', { sha256: 'A'.repeat(64) }],
      ['size', { size: 0 }],
      ['size', { size: 1.5 }],
      ['mediaType', { mediaType: 'pdf' }],
      ['fileName', { fileName: '  ' }],
      ['fileName', { fileName: 'x'.repeat(256) }],
    ])('refuses an attachment with an invalid %s', (field, change) => {
      const bad = withData(command.AddAttachment, {
        attachment: { ...attachment('site_photo'), ...change },
      });
      expect(given(permitDecider, ...history.draft).when(bad)).toMatchObject({
        code: 'PERMIT.INVALID_ATTACHMENT',
        kind: 'invalid',
        details: { field: `attachment.${field}` },
      });
    });

    it.each(liveStagesExcept('draft', 'returned'))('refuses to attach to a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.AddAttachment)).toMatchObject({
        code: 'PERMIT.NOT_EDITABLE',
        kind: 'conflict',
        details: { status: stage },
      });
    });
  });

  describe('RemoveAttachment', () => {
    it.each(['draft', 'returned'] as const)('removes a document from a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RemoveAttachment)).toEqual([
        { type: 'PermitDocumentRemoved', data: command.RemoveAttachment.data },
      ]);
    });

    it('refuses a document not attached', () => {
      const sha256 = 'f'.repeat(64);
      expect(
        given(permitDecider, ...history.draft).when(withData(command.RemoveAttachment, { sha256 })),
      ).toMatchObject({ code: 'PERMIT.DOCUMENT_NOT_ATTACHED', kind: 'not_found', details: { sha256 } });
    });

    it('refuses a document removed already', () => {
      const removed = { type: 'PermitDocumentRemoved' as const, data: command.RemoveAttachment.data };
      expect(given(permitDecider, ...history.draft, removed).when(command.RemoveAttachment)).toMatchObject({
        code: 'PERMIT.DOCUMENT_NOT_ATTACHED',
      });
    });

    it.each(liveStagesExcept('draft', 'returned'))('refuses to remove from a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RemoveAttachment)).toMatchObject({
        code: 'PERMIT.NOT_EDITABLE',
      });
    });
  });

  describe('SubmitPermit', () => {
    it('submits a draft with every required document', () => {
      expect(given(permitDecider, ...history.draft).when(command.SubmitPermit)).toEqual([events.submitted]);
    });

    it('submits a returned file again', () => {
      expect(given(permitDecider, ...history.returned).when(command.SubmitPermit)).toEqual([
        events.submitted,
      ]);
    });

    it('refuses, naming every required document missing', () => {
      expect(given(permitDecider, opened, attached(documents[1])).when(command.SubmitPermit)).toMatchObject({
        code: 'PERMIT.MISSING_DOCUMENTS',
        kind: 'conflict',
        details: { missing: ['ownership_deed', 'site_plan'] },
      });
    });

    it('names a missing document once even if the rule set lists it twice', () => {
      const submit = withData(command.SubmitPermit, { requiredDocuments: ['site_map', 'site_map'] });
      expect(given(permitDecider, ...history.draft).when(submit)).toMatchObject({
        details: { missing: ['site_map'] },
      });
    });

    it('checks the required documents again on resubmission', () => {
      const removed = {
        type: 'PermitDocumentRemoved' as const,
        data: { permitId, sha256: documents[2].sha256 },
      };
      expect(given(permitDecider, ...history.returned, removed).when(command.SubmitPermit)).toMatchObject({
        code: 'PERMIT.MISSING_DOCUMENTS',
        details: { missing: ['site_plan'] },
      });
    });

    it('submits when the rule set requires nothing', () => {
      const submit = withData(command.SubmitPermit, { requiredDocuments: [] });
      expect(given(permitDecider, opened).when(submit)).toEqual([events.submitted]);
    });

    it.each(liveStagesExcept('draft', 'returned'))('refuses to submit a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.SubmitPermit)).toMatchObject({
        code: 'PERMIT.NOT_EDITABLE',
        details: { status: stage },
      });
    });
  });

  describe('WithdrawPermit', () => {
    it.each([
      'draft',
      'submitted',
      'under_review',
      'returned',
      'surveying',
      'awaiting_design',
      'paid',
    ] as const)('withdraws a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.WithdrawPermit)).toEqual([
        events.withdrawn,
      ]);
    });

    it.each([
      'issued',
      'completion_requested',
      'inspected',
      'in_commission',
      'fine_due',
      'fine_paid',
    ] as const)('refuses to withdraw a %s permit', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.WithdrawPermit)).toMatchObject({
        code: 'PERMIT.ALREADY_ISSUED',
        kind: 'conflict',
      });
    });
  });

  describe('RejectPermit', () => {
    it.each([
      'submitted',
      'under_review',
      'returned',
      'surveyed',
      'design_submitted',
      'fees_assessed',
    ] as const)('rejects a %s file, with the reason', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RejectPermit)).toEqual([events.rejected]);
    });

    it.each(['', '   '])('refuses a reason of %p', (reason) => {
      expect(
        given(permitDecider, ...history.under_review).when(withData(command.RejectPermit, { reason })),
      ).toMatchObject({ code: 'PERMIT.REASON_REQUIRED', kind: 'invalid' });
    });

    it('refuses a draft, which no clerk has seen', () => {
      expect(given(permitDecider, ...history.draft).when(command.RejectPermit)).toMatchObject({
        code: 'PERMIT.NOT_SUBMITTED',
      });
    });

    it.each([
      'issued',
      'completion_requested',
      'inspected',
      'in_commission',
      'fine_due',
      'fine_paid',
    ] as const)('refuses to reject a %s permit', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RejectPermit)).toMatchObject({
        code: 'PERMIT.ALREADY_ISSUED',
      });
    });
  });
});
