// Checks of a command's own values, made before the file's state is consulted; each names the field.
import type { FeeLine } from '../fees/calculate-fees.js';
import { isValidIranianNationalId } from '../identity/national-id.js';
import { APPLICATION_TYPES, type ApplicationType } from '../rule-sets/rule-set.js';
import { DomainError } from '../shared/domain-error.js';
import { toScaled } from '../shared/scaled-decimal.js';
import type {
  Attachment,
  CommissionRuling,
  EngineerNominee,
  InspectionViolation,
  Payment,
  SiteSurvey,
} from './permit.events.js';
import { PAYMENT_PURPOSES } from './permit.events.js';
import { canonicalInstant } from './permit-time.js';

const invalid = (code: string, message: string, field: string) =>
  new DomainError(code, message, 'invalid', { field });

const SHA256 = /^[0-9a-f]{64}$/;
const DOCUMENT_KIND = /^[a-z][a-z0-9_]{1,39}$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;
const MAX_TEXT = 2000;

const isText = (value: unknown, max = MAX_TEXT): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;
const isCount = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;
/** Positive m² with at most 2 decimals. */
const isArea = (value: number) => {
  const scaled = toScaled(value, 2);
  return scaled !== undefined && scaled > 0n && value <= 10_000_000;
};

export function applicationProblem(data: {
  readonly applicationType: ApplicationType;
  readonly applicantNationalId: string;
  readonly renewsPermitId?: string;
}): DomainError | undefined {
  const problem = (message: string, field: string) => invalid('PERMIT.INVALID_APPLICATION', message, field);
  if (!APPLICATION_TYPES.includes(data.applicationType))
    return problem(`The application type is one of ${APPLICATION_TYPES.join(', ')}`, 'applicationType');
  if (!isValidIranianNationalId(data.applicantNationalId))
    return problem('The applicant needs a valid national id', 'applicantNationalId');
  const renewal = data.applicationType === 'Renewal';
  if (renewal !== (data.renewsPermitId !== undefined))
    return problem('A Renewal, and only a Renewal, names the permit it renews', 'renewsPermitId');
  if (renewal && !isText(data.renewsPermitId, 100))
    return problem('The permit renewed is named by its id', 'renewsPermitId');
  return undefined;
}

export function attachmentProblem(attachment: Attachment): DomainError | undefined {
  const problem = (field: keyof Attachment, expected: string) =>
    invalid(
      'PERMIT.INVALID_ATTACHMENT',
      `The attachment's ${field} must be ${expected}`,
      `attachment.${field}`,
    );
  if (!DOCUMENT_KIND.test(attachment.kind)) return problem('kind', 'a document kind such as ownership_deed');
  if (!SHA256.test(attachment.sha256)) return problem('sha256', 'a lower-case hex SHA-256');
  if (!Number.isSafeInteger(attachment.size) || attachment.size <= 0)
    return problem('size', 'a positive number of bytes');
  if (!MEDIA_TYPE.test(attachment.mediaType))
    return problem('mediaType', 'a media type such as application/pdf');
  if (!isText(attachment.fileName, 255)) return problem('fileName', 'a name of at most 255 characters');
  return undefined;
}

/** PERMIT.REASON_REQUIRED unless every reason is written out, and there is at least one. */
/** Directory ids: an organisation's, a user's. */
const MAX_ID = 128;

export function nomineeProblem(nominee: EngineerNominee): DomainError | undefined {
  const problem = (message: string, field: string) => invalid('PERMIT.INVALID_NOMINEE', message, field);
  if (!isText(nominee.organisation, MAX_ID))
    return problem('Name the engineering office', 'nominee.organisation');
  if (nominee.engineerId !== undefined && !isText(nominee.engineerId, MAX_ID))
    return problem('An engineer is named by their user id', 'nominee.engineerId');
  return undefined;
}

export function reasonsProblem(reasons: readonly string[], field = 'reason'): DomainError | undefined {
  return reasons.length > 0 && reasons.every((r) => isText(r))
    ? undefined
    : invalid(
        'PERMIT.REASON_REQUIRED',
        `A written reason of at most ${MAX_TEXT} characters is required`,
        field,
      );
}

export function surveyProblem(survey: SiteSurvey): DomainError | undefined {
  const problem = (field: string, expected: string) =>
    invalid('PERMIT.INVALID_SURVEY', `The survey's ${field} must be ${expected}`, `survey.${field}`);
  if (!isArea(survey.measuredAreaM2))
    return problem('measuredAreaM2', 'a positive area in m² with at most 2 decimals');
  if (!(survey.streetWidthM >= 0 && survey.streetWidthM <= 500))
    return problem('streetWidthM', 'between 0 and 500 metres');
  const badStructure = survey.existingStructures.findIndex(
    (s) => !isCount(s.floors, 1, 200) || !isArea(s.areaM2) || !isText(s.description),
  );
  if (badStructure !== -1)
    return problem(
      `existingStructures.${badStructure}`,
      'of at least one floor, a positive area and a description',
    );
  if (!survey.photos.every((p) => SHA256.test(p))) return problem('photos', 'lower-case hex SHA-256s');
  return undefined;
}

export function inspectionProblem(
  compliant: boolean,
  violations: readonly InspectionViolation[],
): DomainError | undefined {
  if (compliant && violations.length > 0)
    return invalid('PERMIT.INVALID_INSPECTION', 'A compliant building has no violations', 'violations');
  if (!compliant && violations.length === 0)
    return invalid('PERMIT.VIOLATIONS_REQUIRED', 'Name at least one violation of the permit', 'violations');
  const bad = violations.findIndex(
    (v) =>
      !isText(v.description) ||
      (v.areaM2 !== undefined && !isArea(v.areaM2)) ||
      (v.photos !== undefined && !v.photos.every((p) => SHA256.test(p))),
  );
  return bad === -1
    ? undefined
    : invalid(
        'PERMIT.INVALID_INSPECTION',
        'A violation needs a description, a positive area if any and photos as SHA-256s',
        `violations.${bad}`,
      );
}

export function rulingProblem(ruling: CommissionRuling): DomainError | undefined {
  const problem = (message: string, field: string) => invalid('PERMIT.INVALID_RULING', message, field);
  if (ruling.ruling !== 'fine' && ruling.ruling !== 'demolition')
    return problem('The ruling is a fine or demolition', 'ruling');
  const fined = ruling.ruling === 'fine';
  const fine = ruling.fineAmount;
  if (fined && !(fine !== undefined && Number.isSafeInteger(fine) && fine > 0))
    return problem('A fine is a positive whole number of rials', 'fineAmount');
  if (!fined && fine !== undefined) return problem('A demolition ruling has no fine', 'fineAmount');
  if (!isText(ruling.reference, 100)) return problem('The ruling needs its reference', 'reference');
  if (ruling.notes !== undefined && !isText(ruling.notes)) return problem('Notes, if any, are text', 'notes');
  return undefined;
}

/** The assessment is a `calculateFees` estimate: whole rials, one line per code, adding up to the total. */
export function feesProblem(fees: {
  readonly ruleSetVersion: number;
  readonly lines: readonly FeeLine[];
  readonly total: number;
}): DomainError | undefined {
  const problem = (message: string, field: string) => invalid('PERMIT.INVALID_FEES', message, field);
  if (!isCount(fees.ruleSetVersion, 1, Number.MAX_SAFE_INTEGER))
    return problem('The rule-set version is a positive integer', 'ruleSetVersion');
  if (!fees.lines.every((l) => isRials(l.amount)))
    return problem('Every line is a whole, non-negative number of rials', 'lines');
  if (new Set(fees.lines.map((l) => l.code)).size !== fees.lines.length)
    return problem('A fee line appears twice', 'lines');
  if (fees.lines.reduce((sum, l) => sum + l.amount, 0) !== fees.total)
    return problem('The total is the sum of the lines', 'total');
  return undefined;
}

export const isRials = (amount: number) => Number.isSafeInteger(amount) && amount >= 0;

const PAYMENT_CHANNELS: readonly Payment['channel'][] = ['gateway', 'cashier', 'counter_desk'];

export function paymentProblem(payment: Payment): DomainError | undefined {
  if (!(PAYMENT_PURPOSES as readonly string[]).includes(payment.purpose))
    return invalid('PAYMENT.INVALID_PURPOSE', 'A payment is for the fees, a fine or a renewal', 'purpose');
  if (!PAYMENT_CHANNELS.includes(payment.channel))
    return invalid(
      'PAYMENT.INVALID_CHANNEL',
      'A payment comes from the gateway, the cash desk or a counter office’s desk',
      'channel',
    );
  if ((payment.channel === 'counter_desk') !== (payment.office !== undefined && isText(payment.office, 100)))
    return invalid(
      'PAYMENT.INVALID_OFFICE',
      'A desk payment, and only one, names its counter office',
      'office',
    );
  if (!isText(payment.reference, 100))
    return invalid('PAYMENT.INVALID_REFERENCE', 'The payment needs its reference', 'reference');
  if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0)
    return invalid('PAYMENT.INVALID_AMOUNT', 'The amount is a positive whole number of rials', 'amount');
  return instantProblem(payment.paidAt, 'paidAt');
}

export function validityProblem(validityMonths: number): DomainError | undefined {
  return Number.isInteger(validityMonths) && validityMonths >= 1 && validityMonths <= 120
    ? undefined
    : invalid('PERMIT.INVALID_VALIDITY', 'The validity is 1 to 120 months', 'validityMonths');
}

export function instantProblem(instant: string, field: string): DomainError | undefined {
  return canonicalInstant(instant) === undefined ? invalidTime(field) : undefined;
}

export const invalidTime = (field: string) =>
  invalid('PERMIT.INVALID_TIME', `${field} must be a UTC ISO-8601 instant`, field);

/** A stage report's or a stage inspection's text (`field`) and its stored files (`filesField`). */
export function stageRecordProblem(
  code: string,
  text: { readonly field: string; readonly value: string },
  files: { readonly field: string; readonly value: readonly string[] },
): DomainError | undefined {
  if (!isText(text.value)) return invalid(code, `${text.field} is 1 to ${MAX_TEXT} characters`, text.field);
  if (files.value.length > 50 || !files.value.every((f) => SHA256.test(f)))
    return invalid(code, `${files.field} are at most 50 SHA-256s of stored files`, files.field);
  return undefined;
}
