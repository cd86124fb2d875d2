import { Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';

/** The signatory's (head of urban planning) signatures: the permit and the completion certificate. */
@ApiTags('permits')
@Controller('permits/:id')
export class IssuePermitHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  @Post('permit')
  @Roles(['signatory'])
  @ApiOperation({
    summary: 'Issue the building permit (پروانه ساختمانی) as a signed document, valid as the rule set says',
  })
  @PermitCommandResponses(
    'PERMIT.FEES_NOT_ASSESSED, PERMIT.FEES_UNPAID, PERMIT.ALREADY_ISSUED, RULESET.NOT_IN_FORCE',
  )
  issue(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({
        type: 'IssuePermit',
        data: {
          permitId: p.permitId,
          at: caller.now,
          validityMonths: this.ruleSets.requireInForce(p.municipality, caller.now).permitValidityMonths,
        },
      }),
      { ...options, until: (file) => file?.documents.permit !== undefined },
    );
  }

  @Post('completion-certificate')
  @Roles(['signatory'])
  @ApiOperation({ summary: 'Issue the completion certificate (پایانکار) as a signed document' })
  @PermitCommandResponses('PERMIT.NOT_INSPECTED, PERMIT.NOT_COMPLIANT, PERMIT.FINE_UNPAID')
  certify(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'IssueCompletionCertificate', data: { permitId: p.permitId, at: caller.now } }),
      { ...options, until: (file) => file?.documents.completionCertificate !== undefined },
    );
  }
}
