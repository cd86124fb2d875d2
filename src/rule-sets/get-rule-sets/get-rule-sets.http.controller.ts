import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../identity/auth/access.decorators.js';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { DomainError } from '../../shared/domain-error.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { ruleSetNotFound } from '../rule-set.decider.js';
import { ruleSetDocumentSchema, RuleSetVersionSummaryDto } from '../rule-set.openapi.js';
import {
  RuleSetsReadModel,
  type RuleSetDocument,
  type RuleSetVersionSummary,
} from '../rule-sets.read-model.js';

const VERSION = /^[1-9][0-9]{0,8}$/;

/** Zoning rules are public: anyone about to buy or build may read them, current and past. */
@ApiTags('rule-sets')
@Controller('rule-sets')
export class GetRuleSetsHttpController {
  constructor(
    private readonly ruleSets: RuleSetsReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  @Get(':municipality')
  @Public()
  @ApiOperation({
    summary: 'The rule set in force today (Tehran time): the highest version already in effect',
  })
  @ApiOkResponse({ schema: ruleSetDocumentSchema })
  @ApiNotFoundResponse({ description: 'RULESET.NOT_FOUND' })
  inForce(@Param('municipality') municipality: string): RuleSetDocument {
    const ruleSet = this.ruleSets.inForce(municipality, todayInTehran(new Date()));
    if (!ruleSet) throw ruleSetNotFound(municipality);
    return ruleSet;
  }

  @Get(':municipality/versions')
  @Public()
  @ApiOperation({ summary: 'Every published version of a municipality’s rule set, oldest first' })
  @ApiOkResponse({ type: [RuleSetVersionSummaryDto] })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  versions(@Param('municipality') municipality: string): RuleSetVersionSummary[] {
    const versions = this.ruleSets.versions(municipality);
    if (versions.length === 0) this.directory.municipality(municipality);
    return versions;
  }

  @Get(':municipality/versions/:version')
  @Public()
  @ApiOperation({ summary: 'One version of a rule set, whether in force, superseded or still to come' })
  @ApiOkResponse({ schema: ruleSetDocumentSchema })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: the version is not a positive integer' })
  @ApiNotFoundResponse({ description: 'RULESET.NOT_FOUND' })
  version(@Param('municipality') municipality: string, @Param('version') version: string): RuleSetDocument {
    if (!VERSION.test(version)) {
      const message = 'version must be a positive integer';
      throw new DomainError('REQUEST.INVALID', message, 'invalid', {
        fields: [{ field: 'version', message }],
      });
    }
    const ruleSet = this.ruleSets.version(municipality, Number(version));
    if (!ruleSet) throw ruleSetNotFound(municipality, Number(version));
    return ruleSet;
  }
}
