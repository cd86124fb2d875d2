import { DomainError } from '../shared/domain-error.js';
import {
  type Decision,
  type LiveState,
  type Command,
  conflict,
  alreadyIssued,
  notSubmitted,
} from './permit-decision.js';
import { applicationProblem, attachmentProblem, reasonsProblem } from './permit-inputs.js';
import type { PermitCommand } from './permit.commands.js';
import type { ExistingPermitState, PermitState } from './permit.state.js';

export type ApplicationCommand = Extract<
  PermitCommand,
  { readonly type: 'AddAttachment' | 'RemoveAttachment' | 'SubmitPermit' | 'WithdrawPermit' | 'RejectPermit' }
>;

/** The permit file's phase of the application: the draft, its attachments, submitting it, and its end by withdrawal or rejection. */
export function decideApplication(command: ApplicationCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  switch (command.type) {
    case 'AddAttachment':
      return attach(command, state);
    case 'RemoveAttachment': {
      const { sha256 } = command.data;
      if (!isEditable(state)) return notEditable(state);
      if (!state.attachments.some((a) => a.sha256 === sha256)) {
        const message = `No document ${sha256} is attached`;
        return new DomainError('PERMIT.DOCUMENT_NOT_ATTACHED', message, 'not_found', { sha256 });
      }
      return [{ type: 'PermitDocumentRemoved', data: { permitId, sha256 } }];
    }
    case 'SubmitPermit': {
      if (!isEditable(state)) return notEditable(state);
      const missing = [...new Set(command.data.requiredDocuments)].filter(
        (kind) => !state.attachments.some((a) => a.kind === kind),
      );
      if (missing.length > 0) {
        return conflict('PERMIT.MISSING_DOCUMENTS', `Attach ${missing.join(', ')} first`, state, { missing });
      }
      return [{ type: 'PermitSubmitted', data: { permitId } }];
    }
    case 'WithdrawPermit':
      if ('validity' in state) return alreadyIssued(state);
      return [{ type: 'PermitWithdrawn', data: { permitId } }];
    case 'RejectPermit': {
      const { reason } = command.data;
      const problem = reasonsProblem([reason]);
      if (problem) return problem;
      if (state.status === 'draft') return notSubmitted(state);
      if ('validity' in state) return alreadyIssued(state);
      return [{ type: 'PermitRejected', data: { permitId, reason } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

export function openDraft(command: Command<'OpenPermitDraft'>, state: PermitState): Decision {
  const { parcelOwners, renewedPermit, ...opened } = command.data;
  if (state.status !== 'absent') return conflict('PERMIT.ALREADY_EXISTS', 'The permit file exists', state);
  const problem = applicationProblem(opened);
  if (problem) return problem;
  if (!parcelOwners.includes(opened.applicantNationalId)) {
    const message = 'Only an owner of the parcel may apply for its permit';
    return new DomainError('PERMIT.NOT_PARCEL_OWNER', message, 'forbidden');
  }
  const { renewsPermitId } = opened;
  const renewsThisParcel =
    renewedPermit?.issued === true &&
    renewedPermit.municipality === opened.municipality &&
    renewedPermit.renewalCode === opened.renewalCode;
  if (renewsPermitId !== undefined && !renewsThisParcel) {
    const message = 'A renewal names an issued permit of the same parcel';
    return new DomainError('PERMIT.NOT_RENEWABLE', message, 'invalid', { renewsPermitId });
  }
  return [{ type: 'PermitDraftOpened', data: opened }];
}

function attach(command: Command<'AddAttachment'>, state: LiveState): Decision {
  const { permitId, attachment } = command.data;
  const problem = attachmentProblem(attachment);
  if (problem) return problem;
  if (!isEditable(state)) return notEditable(state);
  const same = state.attachments.find((a) => a.sha256 === attachment.sha256);
  if (same?.kind === attachment.kind) return [];
  if (same) {
    return conflict('PERMIT.DOCUMENT_ALREADY_ATTACHED', `The same file is attached as ${same.kind}`, state, {
      kind: same.kind,
    });
  }
  return [{ type: 'PermitDocumentAttached', data: { permitId, attachment } }];
}

const isEditable = (state: LiveState) => state.status === 'draft' || state.status === 'returned';

const notEditable = (state: ExistingPermitState) =>
  conflict(
    'PERMIT.NOT_EDITABLE',
    'The application is changed and submitted only as a draft or returned',
    state,
  );
