import { Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { mapOrderLimits } from '../map-order-limits.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';

@ApiTags('permits')
@Controller('permits/:id')
export class IssueMapOrderHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  /** The limits come from the rule set in force and the measured area, never from the clerk. */
  @Post('map-order')
  @Roles(['clerk'])
  @ApiOperation({
    summary:
      'Issue the map order (دستور نقشه): the limits in force on the measured parcel, as a signed document',
  })
  @PermitCommandResponses('PERMIT.NOT_SURVEYED, PERMIT.MAP_ORDER_ALREADY_ISSUED, RULESET.NOT_IN_FORCE')
  issue(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => {
        const ruleSet = this.ruleSets.requireInForce(p.municipality, caller.now);
        const { zone } = this.parcels.find(p.renewalCode, p.municipality);
        const survey = p.survey;
        if (!survey) {
          throw new DomainError(
            'PERMIT.NOT_SURVEYED',
            'The site visit has not been reported yet',
            'conflict',
            {
              status: p.status,
            },
          );
        }
        return {
          type: 'IssueMapOrder',
          data: {
            permitId: p.permitId,
            limits: mapOrderLimits(ruleSet, zone, survey),
            ruleSetVersion: ruleSet.version,
          },
        };
      },
      { ...options, until: (file) => file?.documents.mapOrder !== undefined },
    );
  }
}
