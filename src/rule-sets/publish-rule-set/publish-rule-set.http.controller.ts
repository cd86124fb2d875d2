import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ruleSetBodySchema, ruleSetViewSchema } from '../rule-set.openapi.js';
import type { RuleSetView } from '../rule-sets.read-model.js';
import { PublishRuleSetCommand } from './publish-rule-set.command.js';
import { Location } from '../../shared/http/command-response.interceptor.js';

@ApiTags('rule-sets')
@Controller('rule-sets')
export class PublishRuleSetHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The body is checked by `validateRuleSet` against the rule set's JSON Schema (and the rules between
   * fields), not by a DTO: an untyped body passes the global ValidationPipe untouched.
   */
  @Post(':municipality')
  @Location('/rule-sets/{municipality}/versions/{version}')
  @Roles(['admin'])
  @ApiOperation({
    summary: 'Publish the next version of a municipality’s zoning rule set (طرح تفصیلی)',
    description:
      'The version must be the previous one plus 1 (the first is 1), and it may not take effect before the previous version. Published versions never change.',
  })
  @ApiBody({ schema: ruleSetBodySchema })
  @ApiCreatedResponse({ schema: ruleSetViewSchema })
  @ApiBadRequestResponse({ description: 'RULESET.INVALID, with every problem in details.errors' })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'RULESET.VERSION_NOT_NEXT, RULESET.EFFECTIVE_DATE_BACKWARDS' })
  publishRuleSet(
    @Param('municipality') municipality: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<RuleSetView> {
    return this.commands.execute(new PublishRuleSetCommand(municipality, body, caller, options));
  }
}
