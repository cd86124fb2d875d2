import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import type { Filters } from '../../event-store/subscriptions/documents.js';
import { parseRenewalCode } from '../../parcels/renewal-code.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { pageOf, pageWindow, type PageResponse } from '../../shared/http/pagination.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { permitScope, seenBy } from '../permit-access.js';
import { PermitsReadModel } from '../permits.read-model.js';
import { ListPermitsQuery } from './list-permits.query.js';
import { overdueFilters } from './permit-sla.js';
import { toPermitSummary, type PermitSummaryDto } from './permit-summary.response.dto.js';
import { worklistOf } from './permit-worklist.js';

/** How many municipalities' slas an overdue list checks: more than a worklist's files span. */
const MAX_MUNICIPALITIES = 2_000;

@QueryHandler(ListPermitsQuery)
export class ListPermitsHandler implements IQueryHandler<ListPermitsQuery> {
  constructor(
    private readonly permits: PermitsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute(query: ListPermitsQuery): Promise<PageResponse<PermitSummaryDto>> {
    return this.answer(query);
  }

  /** The page, read synchronously from the read model. */
  answer({ caller, filter }: ListPermitsQuery): PageResponse<PermitSummaryDto> {
    const { status, applicationType, renewalCode, overdue } = filter;
    // The roles policy guarantees a principal and the grant it acts under.
    const { clauses, order } = worklistOf(caller.signedIn, caller.grant!, caller.onBehalfOf, status, {
      applicationType,
      renewalCode: renewalCode === undefined ? undefined : parseRenewalCode(renewalCode).text,
    });
    const anyOf = overdue === 'true' ? [clauses, this.overdue(clauses, caller.now)] : [clauses];
    const found = this.permits.list({ anyOf, ...order, ...pageWindow(filter, order.orderBy) });
    // A worklist row shows whose file it is and what they owe: a read of their data too.
    this.trail.accessedAll(
      caller,
      found.items.map((permit) => accessOf('permit_summary', permit.permitId, permitScope(permit))),
    );
    return pageOf(found, filter, order.orderBy, (p) => toPermitSummary(seenBy(caller, p)));
  }

  /** Overdue against the sla of the rule set in force today in each municipality the worklist spans. */
  private overdue(clauses: readonly Filters[], now: string): Filters[] {
    const today = todayInTehran(new Date(now));
    return this.permits
      .values('municipality', { anyOf: [clauses] }, MAX_MUNICIPALITIES)
      .filter((municipality) => typeof municipality === 'string')
      .flatMap((municipality) =>
        overdueFilters(municipality, this.ruleSets.inForce(municipality, today)?.sla, now),
      );
  }
}
