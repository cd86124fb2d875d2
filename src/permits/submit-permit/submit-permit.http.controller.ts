import { Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';

const APPLICANTS = ['citizen', 'counter_office'] as const;

/** The applicant's own steps: submit (again, after a return), withdraw, and ask for the completion inspection. */
@ApiTags('permits')
@Controller('permits/:id')
export class SubmitPermitHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  @Post('submission')
  @Roles(APPLICANTS)
  @ApiOperation({
    summary:
      'Submit the application; refused, naming them, while documents the rule set requires are missing',
  })
  @PermitCommandResponses(
    'PERMIT.MISSING_DOCUMENTS (details.missing), PERMIT.NOT_EDITABLE, RULESET.NOT_IN_FORCE',
  )
  submit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'applicant',
      (permit) => ({
        type: 'SubmitPermit',
        data: {
          permitId: permit.permitId,
          requiredDocuments: this.ruleSets.requireInForce(permit.municipality, caller.now).requiredDocuments[
            permit.applicationType
          ],
        },
      }),
      options,
    );
  }

  @Post('withdrawal')
  @Roles(APPLICANTS)
  @ApiOperation({ summary: 'Withdraw the application at any step before the permit is issued' })
  @PermitCommandResponses('PERMIT.ALREADY_ISSUED, PERMIT.CLOSED')
  withdraw(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'applicant',
      (p) => ({ type: 'WithdrawPermit', data: { permitId: p.permitId } }),
      options,
    );
  }

  @Post('completion-request')
  @Roles(APPLICANTS)
  @ApiOperation({ summary: 'Ask for the completion inspection (پایانکار) of a valid permit' })
  @PermitCommandResponses('PERMIT.NOT_ISSUED, PERMIT.EXPIRED, PERMIT.COMPLETION_ALREADY_REQUESTED')
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_TIME' })
  requestCompletion(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'applicant',
      (p) => ({ type: 'RequestCompletion', data: { permitId: p.permitId, at: caller.now } }),
      options,
    );
  }
}
