import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { parseRenewalCode } from '../../parcels/renewal-code.js';
import type { RuleSet } from '../../rule-sets/rule-set.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { PageOf, type PageResponse } from '../../shared/http/pagination.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { PERMIT_READERS } from '../permit-access.js';
import { PermitsReadModel, type PermitDocument } from '../permits.read-model.js';
import { ListPermitsQueryDto } from './list-permits.request.dto.js';
import { isOverdue } from './permit-sla.js';
import { PermitSummaryDto, toPermitSummary } from './permit-summary.response.dto.js';
import { worklistOf } from './permit-worklist.js';

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
      'for, engineers the files awaiting a design and those they designed. `status` replaces the default worklist.',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices (required): the national id of the citizen they act for',
  })
  @ApiOkResponse({ type: PageOf(PermitSummaryDto) })
  @ApiBadRequestResponse({
    description: 'REQUEST.INVALID, PARCEL.INVALID_RENEWAL_CODE, PERMIT.ON_BEHALF_OF_REQUIRED',
  })
  list(@Query() query: ListPermitsQueryDto, @CurrentCaller() caller: Caller): PageResponse<PermitSummaryDto> {
    const { status, applicationType, renewalCode, overdue, page, pageSize } = query;
    // The roles policy guarantees a principal and the grant it acts under.
    const { clauses, order } = worklistOf(caller.signedIn, caller.grant!, caller.onBehalfOf, status, {
      applicationType,
      renewalCode: renewalCode === undefined ? undefined : parseRenewalCode(renewalCode).text,
    });
    const { items, total } = this.permits.listAnyOf(
      clauses,
      { ...order, limit: pageSize, offset: (page - 1) * pageSize },
      overdue === 'true' ? this.overdueAt(caller.now) : undefined,
    );
    return { items: items.map(toPermitSummary), total, page, pageSize };
  }

  /** Overdue against the sla of the rule set in force today in each file's municipality. */
  private overdueAt(now: string): (permit: PermitDocument) => boolean {
    const today = todayInTehran(new Date(now));
    const slas = new Map<string, RuleSet['sla'] | undefined>();
    const slaOf = (municipality: string) => {
      if (!slas.has(municipality)) slas.set(municipality, this.ruleSets.inForce(municipality, today)?.sla);
      return slas.get(municipality);
    };
    return (permit) => isOverdue(permit, slaOf(permit.municipality), now);
  }
}
