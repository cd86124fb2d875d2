import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ruleSetDecider, ruleSetNotFound } from '../rule-set.decider.js';
import { ruleSetStream } from '../rule-set.events.js';
import { ruleSetBodySchema, ruleSetDocumentSchema } from '../rule-set.openapi.js';
import { validateRuleSet } from '../rule-set.js';
import { RuleSetsReadModel, type RuleSetDocument } from '../rule-sets.read-model.js';

@ApiTags('rule-sets')
@Controller('rule-sets')
export class PublishRuleSetHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  /**
   * The body is checked by `validateRuleSet` against the rule set's JSON Schema (and the rules between
   * fields), not by a DTO: an untyped body passes the global ValidationPipe untouched.
   */
  @Post(':municipality')
  @Roles(['admin'])
  @ApiOperation({
    summary: 'Publish the next version of a municipality’s zoning rule set (طرح تفصیلی)',
    description:
      'The version must be the previous one plus 1 (the first is 1), and it may not take effect before the previous version. Published versions never change.',
  })
  @ApiBody({ schema: ruleSetBodySchema })
  @ApiCreatedResponse({ schema: ruleSetDocumentSchema })
  @ApiBadRequestResponse({ description: 'RULESET.INVALID, with every problem in details.errors' })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'RULESET.VERSION_NOT_NEXT, RULESET.EFFECTIVE_DATE_BACKWARDS' })
  async publish(
    @Param('municipality') municipality: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<RuleSetDocument> {
    this.directory.municipality(municipality);
    const ruleSet = validateRuleSet(body);
    const { state } = await this.commands.run(
      ruleSetStream(municipality),
      ruleSetDecider,
      { type: 'PublishRuleSet', data: { municipality, ruleSet } },
      caller.commandContext(),
      { ...options, awaiting: [ruleSetsProjection.name] },
    );
    // A repeated Idempotency-Key answers the version it published the first time.
    const version = state.latest?.version ?? ruleSet.version;
    const published = this.ruleSets.version(municipality, version);
    if (!published) throw ruleSetNotFound(municipality, version);
    return published;
  }
}
