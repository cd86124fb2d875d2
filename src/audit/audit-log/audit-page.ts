import { DomainError } from '../../shared/domain-error.js';
import type { AuditArea } from '../audit-scope.js';
import type { ActorNames } from './actor-names.js';
import { toAuditEventRow, type AuditEventPageDto } from './audit-event-row.response.dto.js';
import type { AuditFilter, AuditLogReadModel } from './audit-log.read-model.js';

/** One page of a search, newest first, with the opaque cursor of the page after it. */
export function auditPage(
  log: AuditLogReadModel,
  names: ActorNames,
  search: { readonly areas: readonly AuditArea[]; readonly filter: AuditFilter },
  pageSize: number,
  cursor: string | undefined,
): AuditEventPageDto {
  const found = log.search(search.areas, { ...search.filter, ...afterCursor(cursor) }, pageSize + 1);
  const items = found.slice(0, pageSize);
  return {
    items: items.map((row) => toAuditEventRow(row, (id) => names.nameOf(id))),
    ...(found.length > pageSize ? { nextCursor: cursorOf(items.at(-1)!.seq) } : {}),
  };
}

function cursorOf(seq: number): string {
  return Buffer.from(`audit:${seq}`).toString('base64url');
}

/** Where a `cursor` continues: entries before the last one of the page it came from. */
export function afterCursor(cursor: string | undefined): { beforeSeq?: number } {
  if (cursor === undefined) return {};
  const match = /^audit:([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new DomainError('REQUEST.INVALID_CURSOR', 'cursor is not a nextCursor of this list', 'invalid', {
      fields: [{ field: 'cursor', message: 'not a nextCursor of this list' }],
    });
  }
  return { beforeSeq: Number(match[1]) };
}

/** The filters as asked, without paging: what the record of the query keeps. */
export function recordedFilters(asked: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(asked).filter(
      ([key, value]) => value !== undefined && key !== 'pageSize' && key !== 'cursor',
    ),
  );
}
