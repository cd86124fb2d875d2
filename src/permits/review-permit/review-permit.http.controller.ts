import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';
import { AssignSurveyorRequestDto, ReturnPermitRequestDto } from './review-permit.request.dto.js';

/** The clerk's (کارشناس) review: take the file, return it with reasons, send a surveyor, or reject it. */
@ApiTags('permits')
@Controller('permits/:id')
export class ReviewPermitHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly users: UsersReadModel,
  ) {}

  @Post('take')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Take a submitted file in hand' })
  @PermitCommandResponses('PERMIT.NOT_SUBMITTED, PERMIT.NOT_UNDER_REVIEW')
  take(@Param('id') id: string, @CurrentCaller() caller: Caller, @CommandHeaders() options: CommandOptions) {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'TakePermit', data: { permitId: p.permitId, clerkId: caller.signedIn.id } }),
      options,
    );
  }

  @Post('return')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Return the file to the applicant with reasons, per document or overall' })
  @PermitCommandResponses('PERMIT.NOT_TAKEN, PERMIT.NOT_UNDER_REVIEW')
  @ApiBadRequestResponse({ description: 'PERMIT.REASON_REQUIRED, REQUEST.INVALID' })
  return(
    @Param('id') id: string,
    @Body() body: ReturnPermitRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    const reasons = body.reasons.map((r) => ({
      reason: r.reason,
      ...(r.documentKind === undefined ? {} : { documentKind: r.documentKind }),
    }));
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'ReturnPermit', data: { permitId: p.permitId, reasons } }),
      options,
    );
  }

  @Post('surveyor')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Assign a surveyor (نقشه‌بردار) of the municipality to visit the site' })
  @PermitCommandResponses('PERMIT.NOT_TAKEN, PERMIT.NOT_UNDER_REVIEW')
  @ApiBadRequestResponse({ description: 'PERMIT.NOT_A_SURVEYOR' })
  assignSurveyor(
    @Param('id') id: string,
    @Body() body: AssignSurveyorRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => {
        const surveyor = this.users.get(body.surveyorId);
        const isSurveyorHere = surveyor?.grants.some(
          (g) => g.role === 'surveyor' && g.municipality === p.municipality,
        );
        if (!surveyor || surveyor.disabled || !isSurveyorHere) {
          throw new DomainError(
            'PERMIT.NOT_A_SURVEYOR',
            `User ${body.surveyorId} is not an active surveyor of ${p.municipality}`,
            'invalid',
          );
        }
        return { type: 'AssignSurveyor', data: { permitId: p.permitId, surveyorId: body.surveyorId } };
      },
      options,
    );
  }

  @Post('rejection')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Reject the application, with the reason, at any step before the permit' })
  @PermitCommandResponses('PERMIT.NOT_SUBMITTED, PERMIT.ALREADY_ISSUED, PERMIT.CLOSED')
  reject(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'RejectPermit', data: { permitId: p.permitId, reason: body.reason } }),
      options,
    );
  }
}
