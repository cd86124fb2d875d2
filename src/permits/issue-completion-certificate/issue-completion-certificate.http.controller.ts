import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { IssueCompletionCertificateCommand } from './issue-completion-certificate.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class IssueCompletionCertificateHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('completion-certificate')
  @Roles(['signatory'])
  @ApiOperation({ summary: 'Issue the completion certificate (پایانکار) as a signed document' })
  @PermitCommandResponses(
    'PERMIT.NOT_INSPECTED, PERMIT.NOT_COMPLIANT, PERMIT.FINE_UNPAID, ' +
      'PERMIT.REVOKED (details: code, reason, revokedAt)',
  )
  issueCompletionCertificate(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new IssueCompletionCertificateCommand(caller, id, options));
  }
}
