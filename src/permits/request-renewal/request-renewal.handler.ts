import { CommandHandler } from '@nestjs/cqrs';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { mapOrderLimits } from '../map-order-limits.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import { PermitFees } from '../permit-fees.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RequestRenewalCommand } from './request-renewal.command.js';

/**
 * The renewal fee and the map order's limits, both by the rule set in force today for the parcel's
 * zone and the area the surveyor measured: the decider compares the limits with the map order's.
 */
@CommandHandler(RequestRenewalCommand)
export class RequestRenewalHandler extends PermitStepHandler<RequestRenewalCommand> {
  protected readonly relation = 'applicant';

  constructor(
    runner: PermitCommandRunner,
    private readonly fees: PermitFees,
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {
    super(runner);
  }

  protected command({ caller }: RequestRenewalCommand, permit: PermitView): PermitCommand {
    const { permitId, mapOrder, design } = permit;
    if (!mapOrder || !design) {
      throw new DomainError('PERMIT.NOT_ISSUED', 'The permit is not issued', 'conflict', {
        status: permit.status,
      });
    }
    const ruleSet = this.ruleSets.requireInForce(permit.municipality, caller.now);
    const { zone } = this.parcels.find(permit.renewalCode, permit.municipality);
    const limitsInForce = mapOrderLimits(ruleSet, zone, { measuredAreaM2: mapOrder.limits.parcelAreaM2 });
    const renewal = { ...permit, applicationType: 'Renewal' as const };
    return {
      type: 'RequestRenewal',
      data: {
        permitId,
        at: caller.now,
        fees: this.fees.estimate(renewal, mapOrder.limits, design.design, caller.now),
        limitsInForce,
      },
    };
  }
}
