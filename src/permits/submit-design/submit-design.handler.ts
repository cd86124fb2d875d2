import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { SubmitDesignCommand } from './submit-design.command.js';

@CommandHandler(SubmitDesignCommand)
export class SubmitDesignHandler extends PermitStepHandler<SubmitDesignCommand> {
  protected readonly relation = 'engineer';

  protected command({ caller, input }: SubmitDesignCommand, permit: PermitView): PermitCommand {
    return {
      type: 'SubmitDesign',
      data: {
        permitId: permit.permitId,
        // Who submits: the decider takes the design only from the nominee.
        engineerId: caller.signedIn.id,
        organisation: caller.grant?.organisation ?? '',
        design: { ...input, floorAreasM2: [...input.floorAreasM2] },
      },
    };
  }
}
