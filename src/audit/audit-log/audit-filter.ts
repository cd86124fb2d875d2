import type { Principal } from '../../identity/principal.js';
import { normalizeDigits, normalizeNationalId } from '../../identity/national-id.js';
import { parseRenewalCode } from '../../parcels/renewal-code.js';
import { DomainError } from '../../shared/domain-error.js';
import { auditAreasOf, narrowedAreas, type AuditArea } from '../audit-scope.js';
import { timeRange } from '../audit-time-range.js';
import type { AuditFilter } from './audit-log.read-model.js';
import type { AuditFilterQueryDto } from './audit-filter.request.dto.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The areas and filter of a search as asked: inside the caller's grants, subjects normalised. */
export function auditSearchOf(
  principal: Principal,
  asked: AuditFilterQueryDto,
): { areas: AuditArea[]; filter: AuditFilter } {
  const areas = narrowedAreas(auditAreasOf(principal), asked);
  const subject = subjectOf(asked);
  const filter: AuditFilter = {
    ...(asked.actor !== undefined ? { actorId: asked.actor } : {}),
    ...(asked.role !== undefined ? { role: asked.role } : {}),
    ...(asked.organisation !== undefined ? { office: asked.organisation } : {}),
    ...(asked.type?.length ? { types: [...new Set(asked.type)] } : {}),
    ...(asked.category !== undefined ? { category: asked.category } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...timeRange(asked.from, asked.to),
  };
  return { areas, filter };
}

/** The one subject asked for, as the audit log keys it; digits typed in Persian are read too. */
function subjectOf(asked: AuditFilterQueryDto): string | undefined {
  const given = [
    ['renewalCode', asked.renewalCode],
    ['permitId', asked.permitId],
    ['inquiryId', asked.inquiryId],
    ['documentCode', asked.documentCode],
    ['nationalId', asked.nationalId],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length > 1) throw invalid('Ask for one subject at a time', given[1]![0]);
  const [field, value] = given[0]!;
  if (field === 'renewalCode') return `renewal:${parseRenewalCode(value).text}`;
  if (field === 'nationalId') {
    const nationalId = normalizeNationalId(value);
    if (nationalId === undefined) throw invalid('not a valid national id (کد ملی)', field);
    return `national:${nationalId}`;
  }
  const id = normalizeDigits(value.trim());
  if (!ID.test(id)) throw invalid('not an id', field);
  const prefix = { permitId: 'permit', inquiryId: 'inquiry', documentCode: 'document' }[field];
  return `${prefix}:${id}`;
}

function invalid(message: string, field: string): DomainError {
  return new DomainError('REQUEST.INVALID', `${field}: ${message}`, 'invalid', {
    fields: [{ field, message }],
  });
}
