import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ruleSetViewSchema, RuleSetVersionSummaryDto } from '../rule-set.openapi.js';
import type { RuleSetView, RuleSetVersionSummary } from '../rule-sets.read-model.js';
import { GetRuleSetInForceQuery } from './get-rule-set-in-force.query.js';
import { GetRuleSetVersionQuery } from './get-rule-set-version.query.js';
import { ListRuleSetVersionsQuery } from './list-rule-set-versions.query.js';

/** Zoning rules are public: anyone about to buy or build may read them, current and past. */
@ApiTags('rule-sets')
@Controller('rule-sets')
export class GetRuleSetsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':municipality')
  @Public()
  @ApiOperation({
    summary: 'The rule set in force today (Tehran time): the highest version already in effect',
  })
  @ApiOkResponse({ schema: ruleSetViewSchema })
  @ApiNotFoundResponse({ description: 'RULESET.NOT_FOUND' })
  getRuleSetInForce(
    @Param('municipality') municipality: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RuleSetView> {
    return this.queries.execute(new GetRuleSetInForceQuery(municipality, caller.now));
  }

  @Get(':municipality/versions')
  @Public()
  @ApiOperation({ summary: 'Every published version of a municipality’s rule set, oldest first' })
  @ApiOkResponse({ type: [RuleSetVersionSummaryDto] })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  listRuleSetVersions(@Param('municipality') municipality: string): Promise<RuleSetVersionSummary[]> {
    return this.queries.execute(new ListRuleSetVersionsQuery(municipality));
  }

  @Get(':municipality/versions/:version')
  @Public()
  @ApiOperation({ summary: 'One version of a rule set, whether in force, superseded or still to come' })
  @ApiOkResponse({ schema: ruleSetViewSchema })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: the version is not a positive integer' })
  @ApiNotFoundResponse({ description: 'RULESET.NOT_FOUND' })
  getRuleSetVersion(
    @Param('municipality') municipality: string,
    @Param('version') version: string,
  ): Promise<RuleSetView> {
    return this.queries.execute(new GetRuleSetVersionQuery(municipality, version));
  }
}
