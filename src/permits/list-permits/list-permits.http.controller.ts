import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { parseRenewalCode } from '../../parcels/renewal-code.js';
import type { Filters } from '../../event-store/subscriptions/documents.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { PageOf, pageOf, pageWindow, type PageResponse } from '../../shared/http/pagination.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { PERMIT_READERS, seenBy } from '../permit-access.js';
import { PermitsReadModel } from '../permits.read-model.js';
import { ListPermitsQueryDto } from './list-permits.request.dto.js';
import { overdueFilters } from './permit-sla.js';
import { PermitSummaryDto, toPermitSummary } from './permit-summary.response.dto.js';
import { worklistOf } from './permit-worklist.js';

/** How many municipalities' slas an overdue list checks: more than a worklist's files span. */
const MAX_MUNICIPALITIES = 2_000;

@ApiTags('permits')
@Controller('permits')
export class ListPermitsHttpController {
  constructor(
    private readonly permits: PermitsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  @Get()
  @Roles(PERMIT_READERS)
  @ApiOperation({
    summary: 'The caller’s worklist (کارتابل) of permit files',
    description:
      'Clerks, signatories and cashiers see what waits for them in their municipality (oversight: every file), ' +
      'surveyors the files assigned to them, citizens their own, counter offices those of the citizen they act ' +
      'for, engineers the files their office is nominated for, without the applicant’s national id. `status` ' +
      'replaces the default worklist.',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices (required): the national id of the citizen they act for',
  })
  @ApiOkResponse({ type: PageOf(PermitSummaryDto) })
  @ApiBadRequestResponse({
    description:
      'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP, PARCEL.INVALID_RENEWAL_CODE, ' +
      'PERMIT.ON_BEHALF_OF_REQUIRED',
  })
  list(@Query() query: ListPermitsQueryDto, @CurrentCaller() caller: Caller): PageResponse<PermitSummaryDto> {
    const { status, applicationType, renewalCode, overdue } = query;
    // The roles policy guarantees a principal and the grant it acts under.
    const { clauses, order } = worklistOf(caller.signedIn, caller.grant!, caller.onBehalfOf, status, {
      applicationType,
      renewalCode: renewalCode === undefined ? undefined : parseRenewalCode(renewalCode).text,
    });
    const anyOf = overdue === 'true' ? [clauses, this.overdue(clauses, caller.now)] : [clauses];
    const found = this.permits.list({ anyOf, ...order, ...pageWindow(query, order.orderBy) });
    return pageOf(found, query, order.orderBy, (p) => toPermitSummary(seenBy(caller, p)));
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
